// Shared by the Trunk post-build hooks (the app's scripts/write-boot.mjs and the benchmark counter's): lets the
// browser start the largest downloads while it parses index.html, instead of one round trip later when boot.js
// has arrived and asks for them. The wasm preload matches boot.js's `fetch()` (same URL, CORS mode, same-origin
// credentials), so the browser reuses it instead of downloading twice.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Insert a preload of `wasm` and a modulepreload of `js` before the boot script tag of `dir`/index.html. */
export function addPreloads(dir, { js, wasm }) {
  const path = join(dir, 'index.html');
  if (!existsSync(path)) {
    console.error(`preload: no index.html in ${dir}`);
    process.exit(1);
  }
  const html = readFileSync(path, 'utf8');
  const boot = '<script type="module" src="./boot.js"></script>';
  if (!html.includes(boot)) {
    console.error(`preload: ${path} has no ${boot}`);
    process.exit(1);
  }
  const links =
    `<link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin>\n    ` +
    `<link rel="modulepreload" href="./${js}">\n    `;
  writeFileSync(path, html.replace(boot, links + boot));
}
