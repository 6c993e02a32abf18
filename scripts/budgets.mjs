// Deterministic download budget: the brotli (quality 11) total of the release bundle's wasm + js + css
// against the budget. Prints each file and the total; exits 1 over budget, 2 when dist/ holds no such file
// (a missing build must not pass).
//
//   node scripts/budgets.mjs [DIST] [--budget-kb N] [--ceiling-kb M]
//
// Defaults: dist, 200 KB (1 KB = 1024 bytes, as sizes.mjs). With --ceiling-kb (the test command's regression
// gate while the budget is not met), a total over the budget but within the ceiling is reported as OVER
// BUDGET and exits 0; only a total over the ceiling fails.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
function kbFlag(name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`budgets: ${name} needs a positive number, got ${args[at + 1]}`);
    process.exit(2);
  }
  return value;
}
const budgetKb = kbFlag('--budget-kb', 200);
const ceilingKb = kbFlag('--ceiling-kb', budgetKb);
const flagValues = new Set(['--budget-kb', '--ceiling-kb'].map((f) => args.indexOf(f) + 1).filter((i) => i > 0));
const root = args.find((a, i) => !a.startsWith('--') && !flagValues.has(i)) ?? 'dist';

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
if (ceilingKb > budgetKb) {
  const within = total <= ceilingKb * 1024;
  console.log(`${'regression ceiling'.padEnd(48)} ${(ceilingKb + ' KB').padStart(10)}  ${within ? 'not exceeded' : 'EXCEEDED'}`);
  process.exit(within ? 0 : 1);
}
process.exit(verdict === 'ok' ? 0 : 1);
