// Temporary (not committed): screenshots of the pages issue 15 §4 touched, both languages and sizes.
import { test, expect, open, heading, simulatedDate, addDays, moveDateTo } from './fixtures.mjs';

const OUT = '/work/shots/quotes';
const SIZES = [
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];
async function shootAll(page, name, locator) {
  for (const lang of ['en', 'fr']) {
    await page.getByTestId('language-switch').selectOption(lang, { force: true });
    for (const [size, vp] of SIZES) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(200);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `${name} ${lang} ${size}: no sideways scroll`).toBeLessThanOrEqual(0);
      if (locator) await locator().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${name}-${lang}-${size}.png`, fullPage: false });
    }
  }
  await page.getByTestId('language-switch').selectOption('en', { force: true });
  await page.setViewportSize({ width: 1366, height: 800 });
}

test('refund cap', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#/customers/C-0001/add?tab=azure');
  const card = page.getByRole('listitem', { name: /Standard_NC6s_v3/ });
  for (let i = 0; i < 2; i++) {
    await card.getByRole('button', { name: 'Choose options…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reservation options' });
    await dialog.getByLabel('Quantity').fill('2');
    await dialog.getByLabel('Term').selectOption({ label: '1 year' });
    await dialog.getByRole('combobox', { name: 'Billing', exact: true }).selectOption({ label: 'Up front' });
    await dialog.getByRole('button', { name: 'Add to cart' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
  await open(page, '#/customers/C-0001/reservations');
  const rows = page.getByTestId('reservations-table').getByRole('row', { name: /Standard_NC6s_v3/ });
  const first = (await rows.nth(0).getAttribute('data-reservation')) ?? '';
  const second = (await rows.nth(1).getAttribute('data-reservation')) ?? '';
  await rows.nth(0).getByRole('link', { name: `Refund ${first}` }).click();
  const wizard = page.getByRole('form', { name: 'Support request steps' });
  for (let step = 0; step < 3; step++) await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Create' }).click();
  await open(page, `#/customers/C-0001/reservations/refund?ids=${second}`);
  await shootAll(page, 'refund-cap', () => page.getByTestId('cap-facts'));
});

test('deletion notice', async ({ page }) => {
  await open(page, '#/customers/C-0001');
  await page.getByTestId('subscriptions-table').getByRole('link', { name: 'Office 365 E3', exact: true }).click();
  await shootAll(page, 'deletion', () => page.getByTestId('deletion-date'));
});

test('link and cancel dialog', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await page.getByTestId('user-switcher').selectOption({ label: 'Alex Martin — Admin agent' }, { force: true });
  const ws = page.getByRole('region', { name: 'Windows Server 2022 Standard - 2 Core License Pack (perpetual)' });
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  await shootAll(page, 'link', () => ws.getByTestId('link-status'));
  await page.getByTestId('software-table').getByRole('row', { name: /Windows Server 2022/ }).getByRole('button', { name: 'Cancel' }).click();
  await shootAll(page, 'cancel-dialog', null);
});
