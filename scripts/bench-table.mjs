// Print the benchmark table from the BENCH lines of the native and wasm runs (see scripts/bench.sh):
// median and p95 of each, the wasm/native ratio (target ≤ 2×), the clock's 10×-work ratio (target ≤ 12×)
// and the storage size against its budget (≤ 2.5 MB: half of localStorage's 5 MB); then the browser benchmarks
// (target `browser`): first render of the app vs a bare Leptos counter (target ≤ 2.5×, issue 17), first-load bytes (≤ 200 KB), the
// time to open each page after the first (no chunk fetched after the click) and the Add products page
// with 10,000 offers (p95 ≤ 16 ms, one frame; ≤ 3× the cost with 100 offers).
import { readFileSync, existsSync } from 'node:fs';

const rows = new Map(); // name -> { native, wasm } each { median, p95, n, unit }
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/BENCH (\w+) (\w+) ([\d.]+) ([\d.]+) (\d+) (\S+)/);
    if (!m) continue;
    const [, target, name, median, p95, n, unit] = m;
    if (!rows.has(name)) rows.set(name, {});
    rows.get(name)[target] = { median: +median, p95: +p95, n: +n, unit };
  }
}
const fmt = (v) => {
  if (!v) return '—';
  if (v.unit === 'B') return (v.median / 1e6).toFixed(2) + ' MB';
  if (v.unit === '#') return String(v.median);
  if (v.unit === 'KB') return `${v.median.toFixed(1)} KB (${v.n} files)`;
  if (v.unit === 'x') return `${v.median.toFixed(2)}× (p95 of the pairs ${v.p95.toFixed(2)}×, n=${v.n})`;
  return `${v.median.toFixed(2)} ms (p95 ${v.p95.toFixed(2)}, n=${v.n})`;
};
const ratio = (a, b) => (a && b && b.median > 0 ? a.median / b.median : NaN);
const x = (r) => (Number.isFinite(r) ? r.toFixed(2) + '×' : '—');

const w = Math.max(...[...rows.keys()].map((k) => k.length), 10);
console.log(`${'benchmark'.padEnd(w)}  ${'native'.padEnd(34)} ${'wasm (Chromium)'.padEnd(34)} wasm/native`);
for (const [name, r] of rows) {
  if (!r.native && !r.wasm) continue;
  const both = r.native?.unit === 'ms' && r.wasm?.unit === 'ms';
  console.log(`${name.padEnd(w)}  ${fmt(r.native).padEnd(34)} ${fmt(r.wasm).padEnd(34)} ${both ? x(ratio(r.wasm, r.native)) : ''}`);
}
console.log('');
let failed = [];
const check = (label, value, limit, unit = '×') => {
  if (!Number.isFinite(value)) return console.log(`${label.padEnd(56)} —`);
  const ok = value <= limit;
  if (!ok) failed.push(label);
  console.log(`${label.padEnd(56)} ${value.toFixed(2)}${unit}  (target ≤ ${limit}${unit})  ${ok ? 'ok' : 'OVER'}`);
};
const c1 = rows.get('clock_year_1k_subs') ?? {};
const c10 = rows.get('clock_year_10k_subs') ?? {};
for (const t of ['native', 'wasm']) check(`clock: 10k / 1k subscriptions (${t})`, ratio(c10[t], c1[t]), 12);
const ws = [...rows.values()].filter((r) => r.native?.unit === 'ms' && r.wasm?.unit === 'ms');
const worst = Math.max(...ws.map((r) => ratio(r.wasm, r.native)));
check('wasm/native, worst benchmark', ws.length ? worst : NaN, 2);
const size = rows.get('storage_bytes');
check('storage: stored value, format 2 (MB)', size ? (size.native ?? size.wasm).median / 1e6 : NaN, 2.5, ' MB');
for (const name of ['pricelist_10k_rows_preview', 'pricelist_10k_rows_apply']) {
  check(`price list: ${name.replace('pricelist_10k_rows_', '')} 10,000 rows, wasm (ms)`, rows.get(name)?.wasm?.median ?? NaN, 2000, ' ms');
}

const browser = [...rows].filter(([, r]) => r.browser);
if (browser.length) {
  console.log(`\n${'browser (Chromium)'.padEnd(w)}  figure`);
  for (const [name, r] of browser) console.log(`${name.padEnd(w)}  ${fmt(r.browser)}`);
  console.log('');
}
const b = (name) => rows.get(name)?.browser;
check('first render, usual start: app / counter (median)', b('first_render_ratio')?.median ?? NaN, 2.5);
check('first render, first start: app / counter (median)', b('first_render_first_start_ratio')?.median ?? NaN, 2.5);
check('first-load bytes, usual start (KB)', b('first_load_usual_kb')?.median ?? NaN, 200, ' KB');
const opens = [...rows].filter(([name, r]) => name.startsWith('page_open_') && r.browser?.unit === 'ms');
check('opening a page after the first: worst p95 (ms)', opens.length ? Math.max(...opens.map(([, r]) => r.browser.p95)) : NaN, 100, ' ms');
check('navigations that waited for a chunk', b('page_open_chunk_waits')?.median ?? NaN, 0, '');
for (const kind of ['search', 'filter']) {
  check(`catalog ${kind}: p95 with 10,000 offers (ms)`, b(`catalog_${kind}_10k`)?.p95 ?? NaN, 16, ' ms');
  check(`catalog ${kind}: 10,000 / 100 offers (median)`, ratio(b(`catalog_${kind}_10k`), b(`catalog_${kind}_100`)), 3);
}
if (failed.length) console.log(`\nover target: ${failed.join('; ')}`);
