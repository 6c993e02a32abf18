// First-load bytes: the files the browser fetches before the Customers page shows its rows, summed from their
// brotli (quality 11) sizes. Deterministic: the list comes from the page's own Resource Timing entries that
// started before the first row appeared (a MutationObserver notes that moment), not from a stopwatch.
//
//   node scripts/first-load.mjs dist [--ceiling-kb N] [--target-kb 200] [--bench]
//
// Two visits, each in a fresh browser context: a partner's usual start (the book is in local storage) and the
// very first start (no data yet). --ceiling-kb fails the usual start over N KB (the test command's check);
// --target-kb prints whether the goal is met; --bench adds BENCH lines for scripts/bench-table.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from '@playwright/test';

const argv = process.argv.slice(2);
const value = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : undefined;
};
const dist = resolve(argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'dist');
const ceiling = value('ceiling-kb');
const target = value('target-kb');
const port = Number(process.env.FIRST_LOAD_PORT ?? 8093);
const root = resolve(new URL('..', import.meta.url).pathname);

const server = spawn('node', [join(root, 'tests/e2e/serve.mjs'), '--port', String(port), '--mount', `/=${dist}`], {
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base + 'index.html')).ok) break;
  } catch {}
  if (i > 100) throw new Error(`first-load: the server on ${port} did not start`);
  await new Promise((r) => setTimeout(r, 100));
}

const brotliCache = new Map();
const brotliSize = (file) => {
  if (!brotliCache.has(file)) {
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`first-load: ${file} was requested but is not in ${dist}`);
    const bytes = readFileSync(path);
    brotliCache.set(file, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliCache.get(file);
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  // The first start writes the book to local storage; the usual start reads it, in a new context (no service
  // worker, no HTTP cache: every file is fetched).
  const first = await visit(undefined);
  const usual = await visit(first.storage);
  const kb = (n) => (n / 1024).toFixed(1);
  for (const [label, v] of [['first start (no data yet)', first], ['usual start (data in local storage)', usual]]) {
    console.log(`\nfirst-load bytes, ${label}: ${kb(v.total)} KB brotli in ${v.files.length} files`);
    for (const f of v.files.sort((a, b) => b.size - a.size).slice(0, process.env.FIRST_LOAD_ALL ? 99 : 8)) console.log(`  ${kb(f.size).padStart(7)} KB  ${f.name}`);
    if (v.files.length > 8) console.log(`  … and ${v.files.length - 8} smaller files`);
  }
  if (argv.includes('--bench')) {
    console.log(`BENCH browser first_load_usual_kb ${kb(usual.total)} ${kb(usual.total)} ${usual.files.length} KB`);
    console.log(`BENCH browser first_load_first_start_kb ${kb(first.total)} ${kb(first.total)} ${first.files.length} KB`);
  }
  if (target !== undefined) {
    const met = usual.total <= target * 1024;
    console.log(`\ntarget ${target} KB: ${met ? 'met' : `NOT met (${kb(usual.total - target * 1024)} KB over)`}`);
  }
  if (ceiling !== undefined && usual.total > ceiling * 1024) {
    console.error(`\nfirst-load: ${kb(usual.total)} KB is over the ceiling of ${ceiling} KB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.kill();
}

async function visit(storageState) {
  const context = await browser.newContext({ storageState, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main table tbody tr')) {
        window.__rowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(base + 'index.html');
  await page.waitForFunction(() => window.__rowsAt !== undefined, null, { timeout: 30_000 });
  const names = await page.evaluate(() => {
    const before = performance.getEntriesByType('resource').filter((e) => e.startTime < window.__rowsAt);
    return ['index.html', ...before.map((e) => new URL(e.name).pathname.replace(/^\//, ''))];
  });
  const files = [...new Set(names)].map((name) => ({ name, size: brotliSize(name) }));
  // The book is saved at once on a first start; a moment more lets any debounced write land.
  await page.waitForTimeout(1000);
  const storage = await context.storageState();
  await context.close();
  return { files, total: files.reduce((a, f) => a + f.size, 0), storage };
}
