// First-render benchmark (issue 7): the app's release build against a bare Leptos counter built the same way,
// loaded alternately in headless Chromium, each load in a fresh browser context (empty cache, no service worker),
// on a throttled profile: CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; both builds served
// precompressed (.br) by tests/e2e/serve.mjs with the production Content-Security-Policy.
//
//   node bench/browser/first-render.mjs [--quick] [--runs N] [--app DIR] [--counter DIR]
//
// Time to first content = performance.now() (from navigation start) when an init script's MutationObserver
// first sees the app's customer rows / the counter's button. Prints BENCH lines (see BENCHMARKS.md).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const quick = argv.includes('--quick');
const runs = Number(value('runs', quick ? 2 : 7));
const appDir = resolve(value('app', join(root, 'dist')));
const counterDir = resolve(value('counter', join(root, 'target/bench/counter-dist')));

// What each page shows first, and where it is served.
// `app` is a partner's usual start (the book already in local storage: the split build's first load); `app_first`
// the very first start, which also builds the demo partner (the engine's chunk).
const TARGETS = [
  { name: 'app', path: '/app/index.html#/customers', selector: "[data-testid='customers-table'] tbody tr", saved: true },
  { name: 'app_first', path: '/app/index.html#/customers', selector: "[data-testid='customers-table'] tbody tr" },
  { name: 'counter', path: '/counter/index.html', selector: "[data-testid='counter']" },
];
const THROTTLE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
const TIMEOUT_MS = 120_000;

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

async function startServer(port) {
  const server = spawn(
    process.execPath,
    [join(root, 'tests/e2e/serve.mjs'), '--port', String(port), '--mount', `/app/=${appDir}`, '--mount', `/counter/=${counterDir}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/counter/index.html`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('first-render: the server did not start');
}

// One load in a fresh context: ms from navigation start to the first matching element, to the end of the wasm
// download (the rest is instantiation, the app's start and its first render), and the bytes received.
let savedBook;
async function load(browser, base, target) {
  if (target.saved && !savedBook) {
    // One unthrottled first start writes the book; each measured load starts from a copy of that storage.
    const first = await browser.newContext({ serviceWorkers: 'block' });
    const page = await first.newPage();
    await page.goto(base + target.path);
    await page.waitForSelector(target.selector);
    await page.waitForTimeout(1000);
    savedBook = await first.storageState();
    await first.close();
  }
  const context = await browser.newContext(target.saved ? { storageState: savedBook } : {});
  try {
    const page = await context.newPage();
    await page.addInitScript((selector) => {
      const seen = () => {
        if (window.__firstContent === undefined && document.querySelector(selector)) {
          window.__firstContent = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(document, { childList: true, subtree: true });
    }, target.selector);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    let bytes = 0;
    let compressed = true;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    page.on('response', (r) => {
      if (/\.(wasm|js)$/.test(new URL(r.url()).pathname) && r.headers()['content-encoding'] !== 'br') compressed = false;
    });
    await page.goto(base + target.path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstContent !== undefined, null, { timeout: TIMEOUT_MS, polling: 250 });
    const [ms, wasm] = await page.evaluate(() => [
      window.__firstContent,
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
    ]);
    if (!compressed) throw new Error(`first-render: ${target.name} was not served as brotli (run scripts/sizes.mjs --write-br)`);
    return { ms, wasm, bytes };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
const bench = (name, xs, unit = 'ms') =>
  console.log(`BENCH browser ${name} ${median(xs).toFixed(2)} ${p95(xs).toFixed(2)} ${xs.length} ${unit}`);

for (const [what, dir, build] of [
  ['app', appDir, 'make dist'],
  ['counter', counterDir, 'trunk build --release --config bench/counter/Trunk.toml'],
]) {
  if (!existsSync(join(dir, 'index.html.br'))) {
    console.error(`first-render: no ${what} build with .br files in ${dir} (${build}, then scripts/sizes.mjs DIR --write-br)`);
    process.exit(2);
  }
}
const port = await freePort();
const server = await startServer(port);
let browser;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const base = `http://127.0.0.1:${port}`;
  const times = { app: [], app_first: [], counter: [] };
  const wasm = { app: [], app_first: [], counter: [] };
  const bytes = { app: [], app_first: [], counter: [] };
  // One discarded pair warms the browser's processes (not the pages: every load has a fresh context).
  if (!quick) for (const t of TARGETS) await load(browser, base, t);
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so a slow spell of the shared machine hits both alike.
    const order = i % 2 === 0 ? TARGETS : [...TARGETS].reverse();
    for (const t of order) {
      const r = await load(browser, base, t);
      times[t.name].push(r.ms);
      wasm[t.name].push(r.wasm);
      bytes[t.name].push(r.bytes);
      console.error(
        `first-render: run ${i + 1}/${runs} ${t.name}: content at ${r.ms.toFixed(0)} ms, wasm received at ${r.wasm.toFixed(0)} ms, ${r.bytes} B`,
      );
    }
  }
  bench('first_render_app', times.app);
  bench('first_render_app_first_start', times.app_first);
  bench('first_render_counter', times.counter);
  bench('first_render_app_wasm_received', wasm.app);
  bench('first_render_counter_wasm_received', wasm.counter);
  bench('first_render_app_bytes', bytes.app, 'B');
  bench('first_render_counter_bytes', bytes.counter, 'B');
  // Ratio of the two medians; the per-pair ratios give its spread.
  const pairs = times.app.map((a, i) => a / times.counter[i]);
  console.log(
    `BENCH browser first_render_ratio ${(median(times.app) / median(times.counter)).toFixed(2)} ${p95(pairs).toFixed(2)} ${runs} x`,
  );
  const firstPairs = times.app_first.map((a, i) => a / times.counter[i]);
  console.log(
    `BENCH browser first_render_first_start_ratio ${(median(times.app_first) / median(times.counter)).toFixed(2)} ${p95(firstPairs).toFixed(2)} ${runs} x`,
  );
} finally {
  await browser?.close();
  server.kill();
}
