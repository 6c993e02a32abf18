// Print each file of a build with its raw, gzip and brotli (quality 11) size, and the totals.
// With --write-br, also write each file's brotli form beside it (file.br) for hosts that serve precompressed files.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const writeBr = process.argv.includes('--write-br');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (!/\.(br|gz)$/.test(name)) files.push(path);
  }
})(root);

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const rows = files.sort().map((path) => {
  const data = readFileSync(path);
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  if (writeBr) writeFileSync(path + '.br', brotli);
  return {
    name: relative(root, path),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotli.length,
  };
});
const width = Math.max(4, ...rows.map((r) => r.name.length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log(`${'total'.padEnd(width)}  ${kb(sum('raw'))} ${kb(sum('gzip'))} ${kb(sum('brotli'))}`);
