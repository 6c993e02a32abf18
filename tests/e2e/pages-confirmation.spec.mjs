// The order confirmation is a real page (issue 16): each order with its lines, quantities, amounts and billing
// group, links to the subscriptions it created and to the billing month's invoice.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

async function add(page, name, licenses, billing) {
  await page.getByRole('searchbox', { name: 'Search products' }).fill(name);
  const offer = page.getByRole('listitem', { name, exact: true });
  await offer.getByLabel('Licenses').fill(String(licenses));
  if (billing) await offer.getByLabel('Billing frequency').selectOption({ label: billing });
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`${name} was added to the cart.`)).toBeVisible();
}

async function buyTwoGroups(page) {
  await open(page, '#/customers/C-0002/add');
  await add(page, 'Exchange Online (Plan 1)', 12);
  await add(page, 'Power BI Pro', 3, 'Annual');
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
}

test('after Buy: one card per billing group with lines and amounts; links to the subscription and the invoice', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await buyTwoGroups(page);
  const orders = page.getByTestId('confirmed-order');
  await expect(orders).toHaveCount(2);
  const monthly = orders.filter({ hasText: 'Exchange Online (Plan 1)' });
  const annual = orders.filter({ hasText: 'Power BI Pro' });
  await expect(monthly.locator('.billing-group')).toContainText('Billing frequency: Monthly');
  await expect(annual.locator('.billing-group')).toContainText('Billing frequency: Annual');
  await expect(annual.locator('.billing-group')).toContainText('Order total: $360.00'); // 3 × $120.00
  const line = monthly.getByRole('row', { name: /Exchange Online/ });
  await expect(line.getByRole('cell').nth(1)).toHaveText('12');
  await expect(line.getByRole('cell').nth(3)).toHaveText(/^\$\d+\.\d\d$/);
  await expect(line.getByRole('cell').nth(4)).toHaveText(/^\$\d{2,},?\d*\.\d\d$/);
  await expect(monthly.locator('tfoot')).toContainText('Total');
  // Amounts are right-aligned, in tabular figures.
  const align = await line.getByRole('cell').nth(4).evaluate((td) => {
    const s = getComputedStyle(td);
    return [s.textAlign, s.fontVariantNumeric];
  });
  expect(align).toEqual(['right', 'tabular-nums']);
  // What the order created links to its page.
  const axe = await new AxeBuilder({ page }).include('.cspm').analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);

  const invoiceText = await page.getByTestId('invoice-to-come').textContent();
  expect(invoiceText).toMatch(/will appear on the invoice for \w+ \d{4}/);
  const confirmation = page.url();
  const sub = monthly.getByRole('link', { name: /Exchange Online \(Plan 1\) \(S-\d+\)/ });
  await expect(sub).toBeVisible();
  await sub.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Exchange Online (Plan 1)');
  await expect(page.getByText(/12/).first()).toBeVisible();

  await page.goto(confirmation);
  await page.getByRole('link', { name: /^Open the invoice for / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Invoice for \w+ \d{4}$/);
  await expect(page.locator('.cspm-main')).toContainText('Exchange Online (Plan 1)');
  await expect(page.locator('.cspm-main')).toContainText('Power BI Pro');
});

test('the confirmation in French, on a phone, without sideways scroll; an unknown cart says so', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await buyTwoGroups(page);
  const url = page.url();
  await setLanguage(page, 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmation de commande');
  await expect(page.getByTestId('confirmed-order').first()).toContainText('Fréquence de facturation\u00a0: ');
  await expect(page.getByRole('link', { name: /^Ouvrir la facture de / })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await page.goto(url.replace(/orders\/[^/?#]+$/, 'orders/CART-9999'));
  await expect(page.getByText('Ce panier n’existe plus.')).toBeVisible();
  await expect(page.getByTestId('confirmed-order')).toHaveCount(0);
});
