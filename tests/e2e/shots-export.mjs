// Screenshots of the pages issue 15 §1 §5 touched (both languages, desktop and phone): node shots-export.mjs
import { chromium } from '@playwright/test';
import { setLanguage } from './pages.mjs';
const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 8131}/index.html`;
const pages = [
  ['customers', '#/customers'],
  ['subscriptions', '#/subscriptions?within=abc'],
  ['subscriptions-filtered', '#/subscriptions?status=active&publisher=microsoft'],
  ['customer-subscriptions', '#/customers/C-0001'],
  ['customer-orders', '#/customers/C-0001/orders'],
  ['customer-account', '#/customers/C-0001/account'],
  ['billing', '#/billing'],
  ['reservation', '#/customers/C-0005/reservations/RSV-0002'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h, size] of [[1366, 800, 'desktop'], [390, 844, 'phone']]) {
  for (const lang of ['en', 'fr']) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    for (const [name, hash] of pages) {
      await page.goto(base + hash);
      await page.waitForSelector('nav');
      if (lang === 'fr' && (await page.getByTestId('language-switch').inputValue()) !== 'fr') {
        await setLanguage(page, 'fr');
      }
      if (name === 'reservation') {
        // Two recorded days, so the utilization chart has bars to show.
        const form = page.locator('form.inline-form');
        const date = form.locator('input[type=date]');
        const day = await date.inputValue();
        await form.locator('input:not([type=date])').first().fill('80');
        await form.locator('button[type=submit]').click();
        await date.fill(new Date(Date.parse(day) - 86400000).toISOString().slice(0, 10));
        await form.locator('input:not([type=date])').first().fill('35');
        await form.locator('button[type=submit]').click();
      }
      await page.waitForTimeout(300);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (sideways) console.log(`SIDEWAYS SCROLL: ${name} ${lang} ${size}`);
      await page.screenshot({ path: `/work/shots/export/${name}-${lang}-${size}.png`, fullPage: true });
    }
    await context.close();
  }
}
await browser.close();
