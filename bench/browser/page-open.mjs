// Time to open each page after the first (issue 17): the release build (split) in headless Chromium on a normal
// connection (unthrottled, served by tests/e2e/serve.mjs). The Customers page renders, its linked pages' chunks
// are fetched ahead (as the app does after each page), then each navigation link is clicked and timed until the
// new page's heading shows: performance.now() around the click, in the page.
//
//   node bench/browser/page-open.mjs [--app DIR] [--runs N]
//
// Prints BENCH lines: `page_open_<page>` (median, p95 over the runs, ms) and `page_open_chunk_waits`: how many
// navigations asked the network for a chunk after the click (0 when prefetching works).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const appDir = resolve(value('app', join(root, 'dist')));
const runs = Number(value('runs', 5));
const port = Number(process.env.PAGE_OPEN_PORT ?? 8094);
const base = `http://127.0.0.1:${port}/`;
// The navigation's sections, then a customer from the list (the book chunk).
const LINKS = [
  ['subscriptions', 'nav a[href="#/subscriptions"]'],
  ['billing', 'nav a[href="#/billing"]'],
  ['activity', 'nav a[href="#/activity"]'],
  ['settings', 'nav a[href="#/settings"]'],
  ['customers', 'nav a[href="#/customers"]'],
  ['customer', 'main tbody tr a[href^="#/customers/C-"]'],
];

const server = spawn('node', [join(root, 'tests/e2e/serve.mjs'), '--port', String(port), '--mount', `/=${appDir}`], {
  stdio: 'ignore',
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base + 'index.html')).ok) break;
  } catch {}
  if (i > 100) throw new Error(`page-open: the server on ${port} did not start`);
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const times = new Map(LINKS.map(([name]) => [name, []]));
let chunkWaits = 0;
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(base + 'index.html#/customers');
    await page.locator('main tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    for (const [name, selector] of LINKS) {
      const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
      const ms = await page.evaluate(async (selector) => {
        // Leptos may keep the <h1> element and change its words: compare the words.
        const old = document.querySelector('main h1')?.textContent;
        const link = document.querySelector(selector);
        const start = performance.now();
        const shown = new Promise((done, fail) => {
          const check = () => {
            const h1 = document.querySelector('main h1');
            if (h1 && h1.textContent !== old) return done(performance.now() - start);
            if (performance.now() - start > 10_000) return fail(new Error(`no new page after ${selector}`));
            setTimeout(check, 0);
          };
          check();
        });
        link.click();
        return shown;
      }, selector);
      const wasm = await page.evaluate(
        (before) => performance.getEntriesByType('resource').slice(before).filter((e) => e.name.endsWith('.wasm')).length,
        before,
      );
      if (wasm > 0) chunkWaits++;
      times.get(name).push(ms);
      await page.waitForLoadState('networkidle');
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor((s.length - 1) / 2)], s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]];
};
for (const [name, xs] of times) {
  const [median, p95] = stat(xs);
  console.log(`BENCH browser page_open_${name} ${median.toFixed(2)} ${p95.toFixed(2)} ${xs.length} ms`);
}
console.log(`BENCH browser page_open_chunk_waits ${chunkWaits} ${chunkWaits} ${runs * LINKS.length} #`);
