// One visual language (issue 16): statuses are badges that carry their word (not colour alone), from one
// component; money and counts are right-aligned in tabular figures; empty states say what to do next and
// offer it as a link or button.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const seriousAxe = async (page) => {
  const r = await new AxeBuilder({ page }).include('.cspm').analyze();
  return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
};

const alignment = (locator) =>
  locator.evaluate((el) => [getComputedStyle(el).textAlign, getComputedStyle(el).fontVariantNumeric]);

test('status badges carry their word, look alike on every list, and differ by status', async ({ page }) => {
  await open(page, '#/customers/C-0001/subscriptions');
  const table = page.getByTestId('subscriptions-table');
  const suspended = table.getByRole('row', { name: /Office 365 E3/ }).getByTestId('status-badge');
  await expect(suspended).toHaveText('Suspended');
  const active = table.getByRole('row', { name: /Business Standard/ }).getByTestId('status-badge');
  await expect(active).toHaveText('Active');
  const trial = table.getByRole('row', { name: /Basic Trial/ }).getByTestId('status-badge');
  await expect(trial).toHaveText(['Active', 'Trial']);
  // Same shape everywhere, a different colour per status: the word is there for those who cannot tell.
  const look = (l) => l.evaluate((el) => {
    const s = getComputedStyle(el);
    return { radius: s.borderRadius, color: s.color, weight: s.fontWeight };
  });
  const [a, s] = [await look(active), await look(suspended)];
  expect(a.radius).toBe(s.radius);
  expect(a.color).not.toBe(s.color);
  expect(await seriousAxe(page)).toEqual([]);

  // The subscription's own page, the orders, software and reservation lists use the same badge.
  await table.getByRole('link', { name: 'Office 365 E3' }).click();
  await expect(page.getByTestId('subscription-status').getByTestId('status-badge')).toHaveText('Suspended');
  await open(page, '#/customers/C-0001/orders');
  await expect(page.getByTestId('orders-table').getByTestId('status-badge').first()).toHaveText('Completed');
  await open(page, '#/customers/C-0001/reservations');
  await expect(page.getByTestId('reservations-table').getByTestId('status-badge').first()).toHaveText('Active');
  await open(page, '#/customers/C-0001/software');
  await expect(page.getByTestId('software-table').getByTestId('status-badge').first()).toHaveText(/Active|Cancelled/);
});

test('money and counts are right-aligned in tabular figures', async ({ page }) => {
  await open(page, '#/customers/C-0001/orders');
  const orders = page.getByTestId('orders-table');
  expect(await alignment(orders.getByRole('columnheader', { name: 'Total' }))).toEqual(['right', 'tabular-nums']);
  expect(await alignment(orders.locator('tbody tr').first().getByRole('cell').last())).toEqual(['right', 'tabular-nums']);
  // The figures line up on their right edge.
  const rights = await orders.locator('tbody tr td:last-child').evaluateAll((tds) =>
    tds.map((td) => {
      const r = document.createRange();
      r.selectNodeContents(td);
      return Math.round(r.getBoundingClientRect().right);
    }),
  );
  expect(new Set(rights).size).toBe(1);
  await open(page, '#/customers/C-0001/subscriptions');
  const qty = page.getByTestId('subscriptions-table').locator('tbody tr').first().getByRole('cell').nth(1);
  expect(await alignment(qty)).toEqual(['right', 'tabular-nums']);
  await open(page, '#/billing');
  const billing = page.locator('table.grid').first();
  expect(await alignment(billing.getByRole('columnheader', { name: 'Total' }))).toEqual(['right', 'tabular-nums']);
});

test('empty states say what to do next and lead there', async ({ page }) => {
  // Empty cart → Add products.
  await open(page, '#/customers/C-0004/cart');
  const cart = page.getByTestId('empty-state');
  await expect(cart).toContainText('The cart is empty.');
  await cart.getByRole('link', { name: 'Add products' }).click();
  await expect(page).toHaveURL(/#\/customers\/C-0004\/add/);
  await page.getByRole('listitem', { name: 'Microsoft 365 Business Basic', exact: true }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (1)'); // one entry in the activity log

  // No subscriptions → Add subscription; no orders → Add products; no software → the Software catalog.
  await open(page, '#/customers/C-0004/subscriptions');
  await expect(page.getByTestId('empty-state')).toContainText('No subscriptions yet.');
  await page.getByTestId('empty-state').getByRole('link', { name: 'Add subscription' }).click();
  await expect(page).toHaveURL(/#\/customers\/C-0004\/add/);
  await open(page, '#/customers/C-0004/orders');
  await expect(page.getByTestId('empty-state').getByRole('link', { name: 'Add products' })).toBeVisible();
  await open(page, '#/customers/C-0004/software');
  await page.getByTestId('empty-state').getByRole('link', { name: 'Add products' }).click();
  await expect(page).toHaveURL(/tab=software/);

  // No customer matches → show them all again.
  await open(page, '#/customers?q=zzzz-nobody');
  await expect(page.getByTestId('empty-state')).toContainText('No customer matches this search.');
  await page.getByTestId('empty-state').getByRole('link', { name: 'Show all customers' }).click();
  await expect(page.getByTestId('customers-table')).toBeVisible();

  // No activity in the range → widen it.
  await open(page, '#/activity');
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To', { exact: true }).fill('2001-01-31');
  await expect(page.getByText('No activity in this date range.')).toBeVisible();
  await page.getByRole('button', { name: 'Show every date' }).click();
  await expect(page.getByTestId('activity-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show every date' })).toHaveCount(0);
  expect(await seriousAxe(page)).toEqual([]);
});

test('empty states in French on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/customers/C-0004/cart');
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('empty-state')).toContainText('Le panier est vide.');
  await expect(page.getByTestId('empty-state').getByRole('link', { name: 'Ajouter des produits' })).toBeVisible();
  const box = await page.getByTestId('empty-state').boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await seriousAxe(page)).toEqual([]);
});
