// Charts that draw (issue 15 §5): what is measured is what is drawn — each bar's rendered height
// (getBoundingClientRect) is in proportion to its value, bars are non-zero where values are, and the
// screen-reader table holds the same figures.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

/** Each bar's rendered height, the plot's height, and the table's figures (in bar order). */
async function measure(chart) {
  return chart.evaluate((fig) => {
    const svg = fig.querySelector('svg');
    const bars = [...svg.querySelectorAll('polygon')].map((p) => ({
      recorded: p.classList.contains('bar'),
      height: p.getBoundingClientRect().height,
      width: p.getBoundingClientRect().width,
    }));
    const figures = [...fig.querySelectorAll('table tbody td data')].map((d) => d.value);
    return { plot: svg.getBoundingClientRect().height, bars, figures };
  });
}

/**
 * Heights proportional to values (ratio to the largest within 2 %), non-zero where values are. A month of net
 * credits hangs below the zero line: its height is in proportion to its size.
 */
function expectProportional({ bars, figures }, top = null) {
  expect(bars.length).toBe(figures.length);
  expect(bars.length).toBeGreaterThan(0);
  const values = figures.map((f) => (f === '' ? null : Number(f)));
  const sizes = values.map((v) => (v === null ? null : Math.abs(v)));
  const largest = Math.max(...sizes.filter((v) => v !== null));
  const max = top ?? largest;
  expect(max).toBeGreaterThan(0);
  const tallest = bars[sizes.indexOf(largest)].height;
  for (const [i, v] of values.entries()) {
    if (v === null) continue;
    expect(bars[i].width).toBeGreaterThan(0);
    if (v > 0) expect(bars[i].height, `bar ${i} of value ${v}`).toBeGreaterThan(0);
    if (v === 0) expect(bars[i].height).toBeLessThan(0.5);
    if (v !== 0) expect(bars[i].height, `bar ${i} of value ${v}`).toBeGreaterThan(0);
    if (top === null) expect(Math.abs(bars[i].height / tallest - Math.abs(v) / max), `bar ${i}`).toBeLessThanOrEqual(0.02);
  }
}

const axeClean = async (page) => {
  const axe = await new AxeBuilder({ page }).include('.cspm').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
};

test('Billing: the partner’s monthly billing over 12 months, drawn to scale, with its table', async ({ page }) => {
  await open(page, '#/billing');
  const chart = page.getByTestId('billing-chart').first();
  await expect(page.getByRole('img', { name: /^Monthly billing in USD, / })).toBeVisible();
  const m = await measure(chart);
  expect(m.bars).toHaveLength(12);
  expect(m.plot).toBeGreaterThan(100);
  expectProportional(m);
  // The tallest bar and the deepest credit together span the plot.
  const values = m.figures.map(Number);
  const up = m.bars[values.indexOf(Math.max(...values))].height;
  const down = Math.min(...values) < 0 ? m.bars[values.indexOf(Math.min(...values))].height : 0;
  expect((up + down) / m.plot).toBeGreaterThan(0.98);
  // The screen-reader table: 12 months, the same figures, the month named.
  const table = page.getByTestId('billing-chart-table').first();
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(table.locator('thead')).toContainText('Month');
  await axeClean(page);

  await setLanguage(page, 'fr');
  await expect(page.getByRole('img', { name: /^Facturation mensuelle en USD, / })).toBeVisible();
  await expect(table.locator('thead')).toContainText('Mois');
  expectProportional(await measure(chart));
});

test('a customer’s monthly spend over 12 months, on its page', async ({ page }) => {
  await open(page, '#/customers/C-0001/account');
  const chart = page.getByTestId('spend-chart').first();
  await expect(page.getByRole('img', { name: /^Monthly spend in [A-Z]{3}, / })).toBeVisible();
  const m = await measure(chart);
  expect(m.bars).toHaveLength(12);
  expectProportional(m);
  expect(m.figures.filter((f) => Number(f) > 0).length).toBeGreaterThan(0);
  await axeClean(page);
});

test('reservation utilization: bars drawn to a 0–100 % scale (they measured 0×0 px before)', async ({ page }) => {
  await open(page, '#/customers/C-0005/reservations/RSV-0002');
  for (let i = 0; i < 3; i++) await clockStep(page, '+1 day');
  const form = page.getByRole('form', { name: 'Record utilization' });
  const today = await form.getByLabel('Date').inputValue();
  await form.getByLabel('Utilization (%)').fill('80');
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByRole('status')).toContainText('Utilization of 80% recorded for');
  const yesterday = new Date(Date.parse(today) - 86400000).toISOString().slice(0, 10);
  await form.getByLabel('Date').fill(yesterday);
  await form.getByLabel('Utilization (%)').fill('20');
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByRole('status')).toContainText('Utilization of 20% recorded for');

  const chart = page.getByTestId('utilisation-chart');
  await expect(chart.locator('polygon.bar')).toHaveCount(2);
  const m = await measure(chart);
  expectProportional(m, 100);
  const recorded = m.bars.filter((b) => b.recorded);
  // On a 0–100 % scale: 80 % is 0.8 of the plot, 20 % is 0.2 (within 2 %).
  expect(Math.abs(recorded[1].height / m.plot - 0.8)).toBeLessThanOrEqual(0.02);
  expect(Math.abs(recorded[0].height / m.plot - 0.2)).toBeLessThanOrEqual(0.02);
  expect(recorded[1].height / recorded[0].height).toBeCloseTo(4, 1);
  // The table names every day of the series, with the same figures.
  await expect(page.getByTestId('utilisation-chart-table').locator('tbody tr')).toHaveCount(m.bars.length);
  expect(m.figures.filter((f) => f !== '')).toEqual(['20', '80']);
  await axeClean(page);
});
