// No page scrolls sideways on a 390 px phone (issue 16), in English and French: every route of src/route.rs
// on the demo data, with a cart filled (Cart, Review) and the reservation refund quote shown.
import { test, expect, open } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

/** The elements that stick out past the right edge of the viewport (outside any scroll container). */
const overflowing = (page) =>
  page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('.cspm *')) {
      const b = el.getBoundingClientRect();
      if (b.width === 0 || b.right <= cw + 0.5) continue;
      let p = el.parentElement;
      let clipped = false;
      while (p) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) clipped = true;
        p = p.parentElement;
      }
      if (!clipped) out.push(`${el.tagName.toLowerCase()}.${el.className} → ${Math.round(b.right)}px`);
    }
    return { scroll: document.documentElement.scrollWidth, client: cw, out: out.slice(0, 5) };
  });

async function expectNoSidewaysScroll(page, where) {
  const r = await overflowing(page);
  expect(r.scroll, `${where}: ${r.out.join(', ')}`).toBeLessThanOrEqual(r.client);
}

const ROUTES = [
  '#/customers',
  '#/customers/new',
  '#/customers/C-0001/subscriptions',
  '#/customers/C-0001/software',
  '#/customers/C-0001/reservations',
  '#/customers/C-0001/orders',
  '#/customers/C-0001/account',
  '#/customers/C-0001/edit',
  '#/customers/C-0001/add',
  '#/customers/C-0001/add?tab=software',
  '#/customers/C-0001/add?tab=azure',
  '#/customers/C-0001/cart',
  '#/customers/C-0001/review',
  '#/customers/C-0001/subscriptions/S-0001',
  '#/customers/C-0001/reservations/RSV-0001',
  '#/customers/C-0001/reservations/refund?ids=RSV-0001',
  '#/customers/C-0001/reservations/exchange?ids=RSV-0001',
  '#/customers/C-0001/support',
  '#/billing',
  '#/renewals',
  '#/activity/software',
  '#/activity',
  '#/settings',
  '#/settings/data',
  '#/no-such-page',
];

test('no page scrolls sideways at 390×844, in English and French', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  // Something in the cart, so that Cart and Review show their tables.
  await open(page, '#/customers/C-0001/add');
  const offer = page.getByRole('listitem', { name: 'Microsoft 365 Business Premium', exact: true });
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (1)');
  // The billing month's invoice, as the Billing page links it.
  await open(page, '#/billing');
  const invoice = await page.locator('a[href*="#/billing/"]').first().getAttribute('href');
  const routes = [...ROUTES, invoice.slice(invoice.indexOf('#'))];
  for (const lang of ['en', 'fr']) {
    await setLanguage(page, lang);
    for (const hash of routes) {
      await page.goto('about:blank'); // a fresh load each time: never measure the previous page
      await page.goto(`index.html${hash}`);
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(page.getByTestId('language-switch')).toHaveValue(lang);
      await expectNoSidewaysScroll(page, `${lang} ${hash}`);
    }
  }
});

test('the reservation refund quote fits a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/customers/C-0001/reservations/refund?ids=RSV-0001');
  await expect(page.getByTestId('refund-quote').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'refund quote');
  const quote = await page.getByTestId('refund-quote').first().boundingBox();
  expect(quote.x + quote.width).toBeLessThanOrEqual(390);
});
