// Settings → Policy (issue 15 §3): a Global admin changes a window and a decision changes in the UI; Reset
// restores; other roles read the values and are told who may change them; bad values are refused with a
// message beside their field and nothing changes; French; axe. The demo's Contoso Ltd (C-0001) bought
// Windows Server 2022 (perpetual) three days ago: 57 days are left of the default 60-day window.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const WS = /Windows Server 2022/;

async function signIn(page, label) {
  await page.getByTestId('user-switcher').selectOption({ label }, { force: true });
}
const globalAdmin = (page) => signIn(page, 'Morgan Blake — Global admin');
const adminAgent = (page) => signIn(page, 'Alex Martin — Admin agent');

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

const row = (page, key) => page.locator(`[data-policy="${key}"]`);

async function cancelQuote(page) {
  await open(page, '#/customers/C-0001/software');
  await adminAgent(page);
  await page.getByTestId('software-table').getByRole('row', { name: WS }).getByRole('button', { name: 'Cancel' }).click();
  return page.getByRole('dialog', { name: 'Cancel a purchase' });
}

test('a Global admin shortens the software window: a cancellation is refused; Reset allows it again', async ({ page }) => {
  let dialog = await cancelQuote(page);
  await expect(dialog.getByTestId('cancel-quote')).toContainText('57 days left to cancel this order');

  await open(page, '#/settings');
  await globalAdmin(page);
  await page.getByRole('link', { name: /Policy: every value the rules use/ }).click();
  await expect(heading(page, 'Policy')).toBeVisible();
  const sw = row(page, 'SoftwareCancelDays');
  await expect(sw).toContainText('Software cancellation window');
  await expect(sw).toContainText('A software purchase can be cancelled within this time of the order');
  await expect(sw.getByTestId('policy-default')).toHaveText('Default: 60 days');
  await expect(sw.getByTestId('policy-in-force')).toHaveText('In force: 60 days');
  await sw.getByLabel('Software cancellation window').fill('2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Policy saved. It applies from' })).toBeVisible();
  await expect(sw.getByTestId('policy-in-force')).toHaveText('In force: 2 days changed');

  // The change is in the activity log, with the old and new value.
  await open(page, '#/activity');
  await expect(page.getByTestId('activity-table')).toContainText('Policy changed');
  await expect(page.getByTestId('activity-table')).toContainText('SoftwareCancelDays: 60 → 2');

  dialog = await cancelQuote(page);
  await expect(dialog.getByTestId('cancel-blockers')).toContainText('The cancellation window closed on');

  await open(page, '#/settings/policy');
  await globalAdmin(page);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Reset to defaults' });
  await expect(confirm).toContainText('Put every value back to its default?');
  await confirm.getByRole('button', { name: 'Yes, reset to defaults' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Every value is back to its default.' })).toBeVisible();
  await expect(row(page, 'SoftwareCancelDays').getByTestId('policy-in-force')).toHaveText('In force: 60 days');
  await expect(row(page, 'SoftwareCancelDays').getByLabel('Software cancellation window')).toHaveValue('60');

  dialog = await cancelQuote(page);
  await expect(dialog.getByTestId('cancel-quote')).toContainText('57 days left to cancel this order');
});

test('bad values are refused with a message beside each field, and nothing changes', async ({ page }) => {
  await open(page, '#/settings/policy');
  await globalAdmin(page);
  await row(page, 'IsvAnnualCancelDays').getByRole('textbox').fill('-3');
  await row(page, 'EarlyTerminationFeePercent').getByRole('textbox').fill('150');
  await row(page, 'RefundCapUsd').getByRole('textbox').fill('fifty');
  await row(page, 'ReservationUnavailableMarkets').getByRole('textbox').fill('CN, ZZ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved. Fix the fields below.' })).toBeVisible();
  await expect(row(page, 'IsvAnnualCancelDays')).toContainText('full-credit window: enter a number from 0 to 366.');
  await expect(row(page, 'EarlyTerminationFeePercent')).toContainText('Early termination fee: enter a number from 0 to 100.');
  await expect(row(page, 'RefundCapUsd').locator('[data-field-error]')).toBeVisible();
  await expect(row(page, 'ReservationUnavailableMarkets').locator('[data-field-error]')).toBeVisible();
  await expect(row(page, 'IsvAnnualCancelDays').getByTestId('policy-in-force')).toHaveText('In force: 14 days');
  await expect(row(page, 'EarlyTerminationFeePercent').getByTestId('policy-in-force')).toHaveText('In force: 12%');

  // Saving the unchanged form says so and logs nothing.
  await page.reload();
  await expect(heading(page, 'Policy')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No value changed: nothing was saved.' })).toBeVisible();
});

test('other roles read every value; only a Global admin may change them', async ({ page }) => {
  await open(page, '#/settings/policy');
  await adminAgent(page);
  await expect(page.getByTestId('policy-read-only')).toHaveText(
    'You can read these values. Only these roles may change them: Global admin.',
  );
  await expect(row(page, 'IsvMonthlyCancelHours').getByTestId('policy-default')).toHaveText('Default: 24 hours');
  await expect(row(page, 'RefundCapUsd').getByTestId('policy-default')).toHaveText('Default: $50,000.00');
  await expect(row(page, 'ReservationUnavailableMarkets').getByTestId('policy-default')).toHaveText(
    'Default: 106 countries',
  );
  await expect(row(page, 'IsvMonthlyCancelHours').getByRole('textbox')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset to defaults' })).toHaveCount(0);
});

test('in French, with no serious accessibility violation and no sideways scroll on a phone', async ({ page }) => {
  await open(page, '#/settings/policy');
  await globalAdmin(page);
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Règles de gestion')).toBeVisible();
  const fee = row(page, 'EarlyTerminationFeePercent');
  await expect(fee.getByTestId('policy-default')).toHaveText('Par défaut\u00a0: 12\u00a0%');
  await fee.getByRole('textbox').fill('12,5');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(fee.getByTestId('policy-in-force')).toHaveText('En vigueur\u00a0: 12,5\u00a0% modifiée');
  await row(page, 'TrialDays').getByRole('textbox').fill('-1');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(row(page, 'TrialDays')).toContainText('Durée d’un essai');
  await expect(row(page, 'TrialDays').locator('[data-field-error]')).toBeVisible();

  const results = await new AxeBuilder({ page }).include('.cspm').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // The page's own content fits a phone (the shared header is the shell's).
  await page.setViewportSize({ width: 390, height: 844 });
  const widest = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.policy-page *')].map((el) => el.getBoundingClientRect().right)),
  );
  expect(widest).toBeLessThanOrEqual(390);
});
