// Quotes for any day and dated notices (issue 15 §4): "If cancelled on …" on the software cancel dialog,
// an ISV SaaS subscription and a reservation refund, each with a step chart of the credit over the window
// (its drawn size asserted); "Cancellable with a full credit for N more days (until …)".
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, simulatedDate, addDays, shown, iso, buyIsv } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

async function signIn(page, label) {
  await page.getByTestId('user-switcher').selectOption({ label }, { force: true });
}

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

/** The chart is drawn: a visible box, a step line of real size, and the chosen-day marker where asked. */
async function expectChartDrawn(scope) {
  const chart = scope.getByTestId('step-chart');
  const box = await chart.boundingBox();
  expect(box.width).toBeGreaterThan(150);
  expect(box.height).toBeGreaterThan(50);
  const line = await chart.locator('polyline.step').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });
  expect(line.width).toBeGreaterThan(100);
  expect(line.height).toBeGreaterThan(20);
}

test('software: the credit if cancelled on a later day, and after the window closes', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await signIn(page, 'Alex Martin — Admin agent');
  const today = await simulatedDate(page);
  await page.getByTestId('software-table').getByRole('row', { name: /Windows Server 2022/ }).getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel a purchase' });
  const day = dialog.getByTestId('quote-day');
  await expect(day.getByTestId('quote-day-result')).toContainText(
    `If cancelled on ${shown(today)}: credit $440.00, early termination fee $0.00.`,
  );
  await expect(day.getByTestId('quote-day-result')).toContainText('Day 3 of the 60-day cancellation window');
  await expectChartDrawn(day);
  const marks = async () =>
    day.getByTestId('step-chart').evaluate((svg) => ({
      today: svg.querySelector('line.today')?.getBoundingClientRect().x,
      chosen: svg.querySelector('line.chosen')?.getBoundingClientRect().x,
    }));
  let m = await marks();
  expect(Math.abs(m.chosen - m.today)).toBeLessThan(1);

  // Day 61 from the purchase (3 days ago): the window has closed, nothing is credited.
  const late = addDays(today, 58);
  await day.getByLabel('If cancelled on').fill(iso(late));
  await expect(day.getByTestId('quote-day-result')).toContainText(`If cancelled on ${shown(late)}: credit $0.00`);
  await expect(day.getByTestId('quote-day-result')).toContainText('The cancellation window closed on');
  m = await marks();
  expect(m.chosen).toBeGreaterThan(m.today + 100);

  // A day outside the window is refused with the range.
  await day.getByLabel('If cancelled on').fill(iso(addDays(today, -30)));
  await expect(day.getByTestId('quote-day-result')).toContainText('Choose a day from');
});

test('ISV SaaS: a longer window says how many days are left, and a later day is scheduled, not credited', async ({ page }) => {
  // A Global admin gives monthly ISV SaaS a 96-hour full-credit window.
  await open(page, '#/settings/policy');
  await signIn(page, 'Morgan Blake — Global admin');
  await page.locator('[data-policy="IsvMonthlyCancelHours"]').getByRole('textbox').fill('96');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Policy saved.' })).toBeVisible();
  await signIn(page, 'Alex Martin — Admin agent');

  const name = 'Northwind Project Tracker';
  await buyIsv(page, name);

  const today = await simulatedDate(page);
  await expect(page.getByTestId('cancel-quote')).toContainText(
    new RegExp(`Cancellable with a full credit of \\$[0-9.,]+ for 4 more days \\(until ${shown(addDays(today, 4))}\\)\\.`),
  );
  const day = page.getByTestId('quote-day');
  await expectChartDrawn(day);
  await day.getByLabel('If cancelled on').fill(iso(addDays(today, 5)));
  await expect(day.getByTestId('quote-day-result')).toContainText(`If cancelled on ${shown(addDays(today, 5))}: credit $0.00`);
  await expect(day.getByTestId('quote-day-result')).toContainText('schedules the cancellation for the renewal date');

  // In French, the dated notice follows the language.
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('cancel-quote')).toContainText('pendant encore 4 jours');
  const results = await new AxeBuilder({ page }).include('.cspm').analyze();
  const bad = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
