// Deterministic download budget: the brotli (quality 11) total of the release bundle's wasm + js + css
// must not exceed the budget. Prints each file and the total; exits 1 over budget, 2 when dist/ holds no
// such file (a missing build must not pass).
//
//   node scripts/budgets.mjs [DIST] [--budget-kb N]      (default: dist, 200; 1 KB = 1024 bytes, as sizes.mjs)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const flag = args.indexOf('--budget-kb');
const budgetKb = flag >= 0 ? Number(args[flag + 1]) : 200;
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error(`budgets: --budget-kb needs a positive number, got ${args[flag + 1]}`);
  process.exit(2);
}
const root = args.find((a, i) => !a.startsWith('--') && (flag < 0 || i !== flag + 1)) ?? 'dist';

const files = [];
(function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    // Dot-directories are tools' scratch space (trunk's .stage), not part of the bundle.
    if (statSync(path).isDirectory()) name.startsWith('.') || walk(path);
    else if (/\.(wasm|js|css)$/.test(name)) files.push(path);
  }
})(root);
if (files.length === 0) {
  console.error(`budgets: no .wasm, .js or .css file under ${root}/ (build it first: make dist)`);
  process.exit(2);
}

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
let total = 0;
for (const path of files) {
  const size = brotliCompressSync(readFileSync(path), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: statSync(path).size },
  }).length;
  total += size;
  console.log(`${relative(root, path).padEnd(48)} ${kb(size).padStart(10)}`);
}
const verdict = total <= budgetKb * 1024 ? 'ok' : 'OVER BUDGET';
console.log(`${'total brotli -q 11 (wasm + js + css)'.padEnd(48)} ${kb(total).padStart(10)}  budget ${budgetKb} KB  ${verdict}`);
process.exit(verdict === 'ok' ? 0 : 1);
