// Add products as a dense list (issue 16): at least 10 offers in view at 1366×800, the filters stay in view
// while the list scrolls, reservation options are chosen once in a dialog, and a phone reads the rows as a stack.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const rowsInView = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="offers"] > li.offer')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    }).length,
  );

test('at 1366×800 at least 10 offers are in view and the filters stay in view while the list scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await open(page, '#/customers/C-0001/add');
  const offers = page.getByTestId('offers').locator('li.offer');
  await expect(offers.first()).toBeVisible();
  expect(await rowsInView(page)).toBeGreaterThanOrEqual(10);
  // French words are longer: still ten rows.
  await setLanguage(page, 'fr');
  await expect(page.getByRole('button', { name: 'Ajouter au panier' }).first()).toBeVisible();
  expect(await rowsInView(page)).toBeGreaterThanOrEqual(10);
  await setLanguage(page, 'en');

  // Each row carries name, publisher, billing, price, eligibility, quantity and Add.
  const basic = page.getByRole('listitem', { name: 'Microsoft 365 Business Basic', exact: true });
  await expect(basic).toContainText('Microsoft');
  await expect(basic).toContainText('$6.00 per license, monthly');
  await expect(basic).toContainText('Can buy');
  await expect(basic.getByLabel('Licenses')).toHaveValue('1');
  await basic.getByLabel('Billing frequency').selectOption({ label: 'Annual' });
  await expect(basic).toContainText('per license, annual');
  const row = await basic.boundingBox();
  expect(row.height).toBeLessThan(60);

  // Scroll the list past the filter bar's own place: the bar stays at the top of the viewport.
  const start = await page.getByRole('search').boundingBox();
  await page.mouse.wheel(0, 900);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(start.y + start.height);
  const bar = await page.getByRole('search').boundingBox();
  expect(bar.y).toBeGreaterThanOrEqual(0);
  expect(bar.y + bar.height).toBeLessThanOrEqual(800);
  await page.getByLabel('Publisher').selectOption({ label: 'Partner' });
  await expect(page.getByRole('listitem', { name: 'Contoso Helpdesk Pro' })).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.cspm').analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
});

test('a reservation is configured once in a dialog; a bad quantity keeps the dialog open and changes nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await open(page, '#/customers/C-0001/add?tab=azure');
  const card = page.getByRole('listitem', { name: /Standard_D4s_v3/ });
  // No option is repeated on the row: one button opens them.
  await expect(card.getByRole('combobox')).toHaveCount(0);
  await card.getByRole('button', { name: 'Choose options…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reservation options' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Quantity').fill('1.5');
  await dialog.getByRole('button', { name: 'Add to cart' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (0)');
  await dialog.getByLabel('Quantity').fill('-5');
  await dialog.getByRole('button', { name: 'Add to cart' }).click();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (0)');

  const axe = await new AxeBuilder({ page }).include('.cspm').analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await card.getByRole('button', { name: 'Choose options…' }).click();
  await dialog.getByLabel('Quantity').fill('2');
  await dialog.getByLabel('Term').selectOption({ label: '3 years' });
  await dialog.getByRole('combobox', { name: 'Billing', exact: true }).selectOption({ label: 'Monthly' });
  await dialog.getByRole('button', { name: 'Add to cart' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Standard_D4s_v3, westeurope was added to the cart/)).toBeVisible();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (1)');
});

test('on a 390 px phone each offer is a readable stack with no sideways scroll, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/customers/C-0001/add');
  for (const lang of ['en', 'fr']) {
    await setLanguage(page, lang);
    const basic = page.getByTestId('offers').locator('li.offer').first();
    await expect(basic).toBeVisible();
    const [name, add] = await Promise.all([
      basic.locator('h3').boundingBox(),
      basic.getByRole('button').last().boundingBox(),
    ]);
    expect(add.y).toBeGreaterThan(name.y + name.height); // stacked, not squeezed side by side
    const box = await basic.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }
});
