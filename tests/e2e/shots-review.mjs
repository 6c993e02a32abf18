// Screenshots of the pages the review touched or asked to look at, both languages, 1366×800 and 390×844:
// E2E_PORT=8111 node shots-review.mjs (with dist/ served on that port), into /work/shots/review/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { setLanguage } from './pages.mjs';

const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 8111}/index.html`;
const out = process.env.SHOTS ?? '/work/shots/review';
const sample = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/price-list.csv');

const shots = [
  ['policy', '#/settings/policy'],
  ['subscriptions', '#/subscriptions'],
  ['subscriptions-empty', '#/subscriptions?publisher=partner'],
  ['customer-add', '#/customers/C-0001/add'],
  ['price-list-preview', '#/settings/price-lists', async (page) => {
    await page.locator('input[type=file]').setInputFiles(sample);
    await page.getByTestId('price-list-preview').waitFor();
  }],
  ['customer-account', '#/customers/C-0001/account', async (page) => {
    await page.locator('figure.chart').first().waitFor();
  }],
  ['software-cancel', '#/customers/C-0001/software', async (page) => {
    // Cancelling needs an admin agent.
    const users = page.getByTestId('user-switcher');
    const alex = await users.locator('option', { hasText: 'Alex Martin' }).getAttribute('value');
    await users.selectOption(alex, { force: true });
    await page.getByTestId('software-table').getByRole('row', { name: /Windows Server 2022/ }).getByRole('button').first().click();
    await page.getByRole('dialog').getByTestId('quote-day').waitFor();
  }],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h, size] of [[1366, 800, 'desktop'], [390, 844, 'phone']]) {
  for (const lang of ['en', 'fr']) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    for (const [name, hash, prepare] of shots) {
      await page.goto(base + hash);
      await page.getByTestId('simulated-date').waitFor();
      if ((await page.getByTestId('language-switch').inputValue()) !== lang) {
        await setLanguage(page, lang);
      }
      if (prepare) await prepare(page);
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${out}/${name}-${size}-${lang}.png` });
      if (size === 'phone') {
        // Long phone pages: the next screens too, one file each (a whole-page image is too tall to read).
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let i = 1; i < 4 && i * h < height; i += 1) {
          const clip = { x: 0, y: i * h, width: w, height: Math.min(h, height - i * h) };
          await page.screenshot({ path: `${out}/${name}-${size}-${lang}-${i + 1}.png`, fullPage: true, clip });
        }
      }
    }
    await context.close();
  }
}
await browser.close();
