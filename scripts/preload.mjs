// Shared by the Trunk post-build hooks (the app's scripts/write-boot.mjs and the benchmark counter's): lets the
// browser start the largest downloads while it parses index.html, instead of one round trip later when boot.js
// has arrived and asks for them. The wasm preload matches boot.js's `fetch()` (same URL, CORS mode, same-origin
// credentials), so the browser reuses it instead of downloading twice.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Insert a preload of `wasm` and a modulepreload of `js` first in the head of `dir`/index.html, right after its
 * title: ahead of the stylesheet, the wasm request left 30–50 ms later (measured throttled, `make bench`), and the
 * wasm is the last file the first page waits for. */
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
  const title = html.match(/<\/title>\n/);
  if (!title) {
    console.error(`preload: ${path} has no <title>`);
    process.exit(1);
  }
  const at = title.index + title[0].length;
  const links =
    `    <link rel="preload" href="./${wasm}" as="fetch" type="application/wasm" crossorigin>\n` +
    `    <link rel="modulepreload" href="./${js}">\n`;
  writeFileSync(path, html.slice(0, at) + links + html.slice(at));
}
