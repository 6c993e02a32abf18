// The gallery: a PNG of every page of tests/e2e/pages.mjs, in both languages and both viewports, with dialogs
// open where a page has one, from the release build in dist/ (served by tests/e2e/serve.mjs, production CSP),
// into target/screenshots/<page>-<viewport>-<lang>.png. Run by `make screenshots`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, VIEWPORTS, LANGUAGES, show, setLanguage } from '../tests/e2e/pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'screenshots');
const port = Number(process.env.SCREENSHOTS_PORT ?? 8097);
const only = process.argv.slice(2); // optional page names

await mkdir(out, { recursive: true });
const server = spawn('node', [join(root, 'tests/e2e/serve.mjs'), '--port', String(port), '--mount', `/=${join(root, 'dist')}`], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok) => server.stdout.once('data', ok));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let written = 0;
const failed = [];
try {
  for (const entry of PAGES.filter((p) => only.length === 0 || only.includes(p.name))) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}/`,
        viewport: { width: viewport.width, height: viewport.height },
      });
      const page = await context.newPage();
      try {
        await show(page, entry, LANGUAGES[0]);
        for (const lang of LANGUAGES) {
          if (lang !== LANGUAGES[0]) await setLanguage(page, lang);
          await page.waitForTimeout(100);
          const file = join(out, `${entry.name}-${viewport.name}-${lang}.png`);
          // With a dialog open, the viewport (the backdrop is fixed: a full-page capture would cut it).
          await page.screenshot({ path: file, fullPage: !entry.open });
          written += 1;
        }
      } catch (e) {
        failed.push(`${entry.name} ${viewport.name}: ${String(e).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`${written} screenshots in ${out}`);
if (failed.length) {
  console.error(`could not show:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
