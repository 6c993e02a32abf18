// Azure reservations (issue 6): buy, change scope, refund quotes and the support request wizard (100 % on
// day 3, prorated minus 12 % on day 30 with usage), the rolling refund cap, and an exchange. Demo data:
// Contoso (C-0001) holds RSV-0001 (2 × D2s_v3, 1 year, monthly, $1,042.80) and Wingtip (C-0005) RSV-0002
// (4 × B2s, 3 years, up front, $2,340.00), both bought 3 days before the simulated date. The invoice page is
// built in parallel by another area, so amounts are asserted on the reservation pages.
import { test, expect, open, heading, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

/** Parse "$1,234.56" (or "-$…") into cents. */
const cents = (text) => {
  const m = text.replace(/[^0-9.-]/g, '');
  return Math.round(Number(m) * 100);
};

/** The value of a definition list entry. */
const fact = (scope, label) => scope.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

/** Add a reservation offer to the cart from the catalog's Azure tab, then Review and Buy. */
async function buyReservation(page, customer, size, { quantity, term, billing, single, times = 1 }) {
  await open(page, `#/customers/${customer}/add?tab=azure`);
  const card = page.getByRole('listitem', { name: new RegExp(size) });
  for (let i = 0; i < times; i++) {
    // The options are chosen once, in a dialog opened from the offer's row (issue 16).
    await card.getByRole('button', { name: 'Choose options…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reservation options' });
    await expect(dialog).toContainText(size);
    await dialog.getByLabel('Quantity').fill(String(quantity));
    await dialog.getByLabel('Term').selectOption({ label: term });
    await dialog.getByRole('combobox', { name: 'Billing', exact: true }).selectOption({ label: billing });
    if (single) {
      await dialog.getByLabel('Scope').selectOption({ label: 'Single' });
      await dialog.getByLabel('Azure subscription').selectOption({ index: 1 });
    }
    await dialog.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByText(/was added to the cart/)).toBeVisible();
    await expect(dialog).toHaveCount(0);
  }
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
}

/** Go through Basics, Problem, Contact information (prefilled with the signed-in user) and Create. */
async function fileRequest(page, { reservation, order }) {
  const wizard = page.getByRole('form', { name: 'Support request steps' });
  await expect(wizard.getByRole('heading', { name: 'Step 1 of 4: Basics' })).toBeVisible();
  await expect(wizard.getByLabel('Issue type')).toContainText('Billing');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Step 2 of 4: Problem' })).toBeVisible();
  await expect(wizard.getByLabel('Problem type')).toContainText('Reservation management');
  await expect(wizard.getByLabel('Category')).toContainText('Exchanges and refunds');
  await expect(fact(wizard.getByTestId('request-ids'), 'Reservation ID')).toHaveText(reservation);
  if (order) await expect(fact(wizard.getByTestId('request-ids'), 'Reservation order ID')).toHaveText(order);
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Step 3 of 4: Contact information' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByRole('heading', { name: 'Step 4 of 4: Review and create' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Create' }).click();
}

test('buy a reservation; refused in an unavailable market and without an Azure plan', async ({ page }) => {
  await buyReservation(page, 'C-0001', 'Standard_D4s_v3', {
    quantity: 3,
    term: '3 years',
    billing: 'Monthly',
    single: true,
  });
  await open(page, '#/customers/C-0001/reservations');
  const row = page.getByTestId('reservations-table').getByRole('row', { name: /Standard_D4s_v3/ });
  await expect(row).toContainText('westeurope');
  await expect(row).toContainText('3 years');
  await expect(row).toContainText(/Single: S-\d+/);
  await expect(row).toContainText('Active');
  await expect(row.getByRole('link', { name: /^Manage / })).toBeVisible();
  await expect(row.getByRole('link', { name: /^Refund / })).toBeVisible();
  await row.getByRole('link', { name: /^Manage / }).click();
  const overview = page.getByTestId('reservation-overview');
  await expect(fact(overview, 'Total commitment')).toHaveText('$7,085.88'); // 3 × $2,361.96
  await expect(fact(overview, 'Billing')).toHaveText('Monthly');

  // Kosovo is not a reservation market: the catalog and the tab say so.
  await open(page, '#/customers/C-0008/add?tab=azure');
  await expect(page.getByRole('listitem', { name: /Standard_D2s_v3/ })).toContainText(
    'Azure reservations aren’t sold in the customer’s market',
  );
  await expect(page.getByRole('listitem', { name: /Standard_D2s_v3/ }).getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: /Standard_D2s_v3/ }).getByRole('button', { name: 'Choose options…' })).toHaveCount(0);
  await open(page, '#/customers/C-0008/reservations');
  await expect(page.getByTestId('reservation-blockers')).toContainText('Azure reservations aren’t sold in');

  // Northwind has no Azure plan: the tab says so and links to the Azure plan offer.
  await open(page, '#/customers/C-0003/reservations');
  await expect(page.getByTestId('reservation-blockers')).toContainText('needs an active Azure plan');
  await page.getByRole('link', { name: 'Add an Azure plan' }).click();
  await expect(page).toHaveURL(/tab=azure/);
  await expect(page.getByRole('listitem', { name: 'Azure plan', exact: true })).toBeVisible();
  await expect(page.getByRole('listitem', { name: /Standard_D2s_v3/ })).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'Azure plan', exact: true }).getByRole('button', { name: 'Add to cart' })).toBeVisible();
});

test('manage: change the scope (recorded in history, not financial), properties with copy buttons', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/customers/C-0001/reservations');
  await page.getByRole('link', { name: 'Manage RSV-0001' }).click();
  await expect(heading(page, /Standard_D2s_v3/)).toBeVisible();
  const overview = page.getByTestId('reservation-overview');
  await expect(fact(overview, 'Scope')).toHaveText(/Single: S-\d+/);
  await expect(page.getByText('No changes yet.')).toBeVisible();

  const config = page.getByRole('form', { name: 'Configuration' });
  // Capacity priority needs a single scope: refused, nothing changes.
  await config.getByLabel('Scope').selectOption({ label: 'Shared' });
  await config.getByLabel('Optimize for').selectOption({ label: 'Capacity priority' });
  await config.getByRole('button', { name: 'Save' }).click();
  await expect(config.getByRole('alert')).toContainText('Capacity priority needs a single scope.');
  await expect(fact(overview, 'Scope')).toHaveText(/Single: S-\d+/);

  await config.getByLabel('Optimize for').selectOption({ label: 'Instance size flexibility' });
  await config.getByRole('button', { name: 'Save' }).click();
  await expect(config.getByText('Configuration saved.')).toBeVisible();
  await expect(fact(overview, 'Scope')).toHaveText('Shared');
  await expect(page.getByTestId('reservation-history')).toContainText(/Scope Single: S-\d+ → Shared/);
  await expect(page.getByText(/not a financial transaction/)).toBeVisible();
  // Saving the same configuration again is refused.
  await config.getByRole('button', { name: 'Save' }).click();
  await expect(config.getByRole('alert')).toContainText('This is already the reservation’s scope and optimization.');

  // Properties: both IDs with a copy button each.
  await expect(page.getByTestId('reservation-id')).toHaveText('RSV-0001');
  await expect(page.getByTestId('reservation-order-id')).toHaveText(/^RSO-\d{4}$/);
  await page.getByRole('button', { name: 'Copy reservation order ID' }).click();
  const order = await page.getByTestId('reservation-order-id').textContent();
  await expect(page.getByText(`${order} copied to the clipboard.`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(order);
  await page.getByRole('button', { name: 'Copy reservation ID' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('RSV-0001');

  // The change survives a reload; the tab shows the new scope.
  await page.reload();
  await expect(fact(page.getByTestId('reservation-overview'), 'Scope')).toHaveText('Shared');
  await open(page, '#/customers/C-0001/reservations');
  await expect(page.getByTestId('reservations-table').getByRole('row', { name: /RSV-0001/ })).toContainText('Shared');
});

test('refund on day 3 without usage: 100 % of what was paid, future payments cancelled', async ({ page }) => {
  await open(page, '#/customers/C-0001/reservations');
  await page.getByRole('link', { name: 'Refund RSV-0001' }).click();
  await expect(heading(page, 'New support request: refund')).toBeVisible();
  const quote = page.getByTestId('refund-quote');
  const facts = quote.getByTestId('quote-facts');
  await expect(fact(facts, 'Days since purchase')).toHaveText('3');
  await expect(fact(facts, 'Usage so far')).toHaveText('No');
  await expect(fact(facts, 'Credit rule')).toHaveText('100% of what was paid, no fee (5 days or fewer, no usage)');
  await expect(fact(facts, 'Paid so far')).toHaveText('$86.90 (1 monthly payment)');
  await expect(fact(facts, 'Early termination fee')).toHaveText('$0.00');
  await expect(fact(facts, 'Cancelled future payments')).toHaveText('$955.90');
  await expect(fact(facts, 'Refund amount')).toHaveText('$86.90');
  const cap = quote.getByTestId('cap-facts');
  await expect(fact(cap, 'Limit per 365 days')).toHaveText('$50,000.00');
  await expect(fact(cap, 'Used in the current 365-day window')).toHaveText('$0.00');
  await expect(fact(cap, 'Left')).toHaveText('$50,000.00');
  await expect(fact(cap, 'This refund counts')).toHaveText('$1,042.80');
  await expect(fact(cap, 'More becomes available on')).toHaveText('Nothing counted yet: the whole limit is available.');
  // Day 5 vs day 6: the fee starts.
  const days = quote.getByTestId('fee-day-table');
  await expect(days.getByRole('row', { name: /Day 5/ })).toContainText('100% of what was paid');
  await expect(days.getByRole('row', { name: /Day 6/ })).toContainText('Prorated minus the 12% early termination fee');
  await expect(quote.getByTestId('cap-refusal')).toHaveCount(0);

  // Contact information is validated before Create.
  const wizard = page.getByRole('form', { name: 'Support request steps' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Contact name').fill('');
  await wizard.getByLabel('Contact e-mail').fill('not-an-address');
  await wizard.getByRole('radio', { name: 'Phone' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByText('Contact name: this field is required.')).toBeVisible();
  await expect(wizard.getByText('Contact e-mail: enter an address like name@example.com.')).toBeVisible();
  await expect(wizard.getByText('Phone number: this field is required.')).toBeVisible();
  await expect(wizard.getByRole('heading', { name: /Step 3 of 4/ })).toBeVisible();
  await wizard.getByLabel('Contact name').fill('Ana Souza');
  await wizard.getByLabel('Contact e-mail').fill('ana@contoso.com');
  await wizard.getByLabel('Phone number').fill('+1 425 555 0100');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(fact(wizard.getByTestId('request-summary'), 'Preferred contact method')).toHaveText('Phone');
  await wizard.getByRole('button', { name: 'Previous' }).click();
  await wizard.getByRole('button', { name: 'Previous' }).click();
  await expect(wizard.getByLabel('Category')).toContainText('Exchanges and refunds');
  await expect(fact(wizard.getByTestId('request-ids'), 'Reservation ID')).toHaveText('RSV-0001');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Create' }).click();

  const created = page.getByTestId('request-created');
  await expect(created.getByRole('status')).toHaveText(/Support request SR-\d{4} was created and fulfilled\./);
  await expect(created).toContainText('RSV-0001 cancelled. The refund of $86.90 is credited on the next invoice.');
  await expect(fact(created.getByTestId('created-facts'), 'Amount')).toHaveText('$86.90');
  await expect(fact(created.getByTestId('created-facts'), 'RSV-0001')).toHaveText('Cancelled');

  await created.getByRole('link', { name: 'Back to Azure reservations' }).click();
  const row = page.getByTestId('reservations-table').getByRole('row', { name: /RSV-0001/ });
  await expect(row).toContainText('Cancelled');
  await expect(row.getByRole('link', { name: 'Refund RSV-0001' })).toHaveCount(0);
  const requests = page.getByTestId('reservation-requests');
  await expect(requests).toContainText('Refund');
  await expect(requests).toContainText('$86.90');
  await expect(requests).toContainText('Fulfilled');
  await row.getByRole('link', { name: 'Manage RSV-0001' }).click();
  await expect(page.getByTestId('reservation-history')).toContainText(/Cancelled by request SR-\d{4}; credit \$86\.90/);
  await expect(page.getByRole('button', { name: 'Refund' })).toHaveCount(0);
});

test('refund on day 30 with usage: prorated minus the 12 % fee', async ({ page }) => {
  await open(page, '#/customers/C-0005/reservations/RSV-0002');
  await expect(page.getByText('No utilization recorded yet.').first()).toBeVisible();
  // 27 more days: day 30 after purchase.
  for (let i = 0; i < 3; i++) await clockStep(page, '+1 week');
  for (let i = 0; i < 6; i++) await clockStep(page, '+1 day');

  const form = page.getByRole('form', { name: 'Record utilization' });
  await form.getByLabel('Utilization (%)').fill('300');
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
  await form.getByLabel('Utilization (%)').fill('150');
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByText('Utilization (%): enter a number from 0 to 100.')).toBeVisible();
  // Outside the term: refused, nothing recorded.
  const today = await form.getByLabel('Date').inputValue();
  await form.getByLabel('Date').fill('2020-01-01');
  await form.getByLabel('Utilization (%)').fill('60');
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByRole('alert')).toContainText('Jan 1, 2020 is outside the reservation’s term');
  await expect(page.getByTestId('utilisation-days')).toHaveCount(0);
  await form.getByLabel('Date').fill(today);
  await form.getByRole('button', { name: 'Record utilization' }).click();
  await expect(form.getByRole('status')).toContainText('Utilization of 60% recorded for');
  await expect(page.getByTestId('utilisation-days')).toContainText(': 60%');
  // What is drawn (charts.spec.mjs measures more): 31 days, the last one a bar 60 % of the plot high.
  const chart = page.getByTestId('utilisation-chart');
  await expect(chart.locator('polygon')).toHaveCount(31); // days 0..30
  await expect(chart.locator('polygon.bar')).toHaveCount(1);
  const drawn = await chart.evaluate((fig) => {
    const plot = fig.querySelector('svg').getBoundingClientRect().height;
    const bars = [...fig.querySelectorAll('polygon')];
    return { plot, last: bars.at(-1).getBoundingClientRect().height, recordedLast: bars.at(-1).classList.contains('bar') };
  });
  expect(drawn.recordedLast).toBe(true); // recorded on day 30
  expect(Math.abs(drawn.last / drawn.plot - 0.6)).toBeLessThanOrEqual(0.02);

  await page.getByRole('button', { name: 'Refund' }).click();
  const facts = page.getByTestId('quote-facts');
  await expect(fact(facts, 'Days since purchase')).toHaveText('30');
  await expect(fact(facts, 'Usage so far')).toHaveText('Yes');
  await expect(fact(facts, 'Credit rule')).toHaveText('Prorated minus the 12% early termination fee (more than 5 days)');
  await expect(fact(facts, 'Paid so far')).toHaveText('$2,340.00');
  const prorated = cents(await fact(facts, 'Prorated amount').textContent());
  const fee = cents(await fact(facts, 'Early termination fee').textContent());
  const credit = cents(await fact(facts, 'Refund amount').textContent());
  expect(prorated).toBeGreaterThan(0);
  expect(prorated).toBeLessThan(234000);
  expect(fee).toBe(Math.round(prorated * 0.12));
  expect(credit).toBe(prorated - fee);
  await expect(facts.getByText('Cancelled future payments')).toHaveCount(0); // up front: nothing to cancel

  await fileRequest(page, { reservation: 'RSV-0002' });
  const created = page.getByTestId('request-created');
  await expect(fact(created.getByTestId('created-facts'), 'Amount')).toHaveText(
    '$' + (credit / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  );
  await expect(fact(created.getByTestId('created-facts'), 'RSV-0002')).toHaveText('Cancelled');
});

test('the refund cap: a second large refund is refused with what is left and when more frees up', async ({ page }) => {
  // Two reservations of 2 × NC6s_v3 for 1 year up front: $33,239.04 each.
  await buyReservation(page, 'C-0001', 'Standard_NC6s_v3', { quantity: 2, term: '1 year', billing: 'Up front', times: 2 });
  await open(page, '#/customers/C-0001/reservations');
  const rows = page.getByTestId('reservations-table').getByRole('row', { name: /Standard_NC6s_v3/ });
  await expect(rows).toHaveCount(2);
  const first = (await rows.nth(0).getAttribute('data-reservation')) ?? '';
  const second = (await rows.nth(1).getAttribute('data-reservation')) ?? '';

  await rows.nth(0).getByRole('link', { name: `Refund ${first}` }).click();
  await expect(fact(page.getByTestId('quote-facts'), 'Refund amount')).toHaveText('$33,239.04');
  await fileRequest(page, { reservation: first });
  await expect(page.getByTestId('request-created')).toContainText('The refund of $33,239.04 is credited on the next invoice.');

  await open(page, `#/customers/C-0001/reservations/refund?ids=${second}`);
  const cap = page.getByTestId('cap-facts');
  await expect(fact(cap, 'Used in the current 365-day window')).toHaveText('$33,239.04');
  await expect(fact(cap, 'Left')).toHaveText('$16,760.96');
  // What the next release frees and when (the first refund, 365 days after it was made).
  await expect(fact(cap, 'Frees up next')).toHaveText(/^\$33,239\.04 on \w{3} \d{1,2}, \d{4}$/);
  const frees = ((await fact(cap, 'Frees up next').textContent()) ?? '').replace('$33,239.04 on ', '');
  const refusal = page.getByTestId('cap-refusal');
  const why =
    `$16,760.96 is left of $50,000.00 per 12 months. The refund limit frees $33,239.04 on ${frees}. ` +
    'That is enough for this refund.';
  await expect(refusal).toHaveText(`This refund ($33,239.04) is over the customer’s refund limit: ${why}`);
  // Filing anyway is refused by the engine with the same reasons; nothing changes.
  await fileRequest(page, { reservation: second });
  await expect(page.getByRole('form', { name: 'Support request steps' }).getByRole('alert')).toContainText(why);
  await expect(page.getByTestId('request-created')).toHaveCount(0);
  await open(page, '#/customers/C-0001/reservations');
  await expect(page.getByTestId('reservations-table').getByRole('row', { name: new RegExp(second) })).toContainText('Active');
});

test('exchange for a larger reservation: shortfall refused, then value returned and the new commitment', async ({ page }) => {
  await open(page, '#/customers/C-0005/reservations');
  await expect(page.getByRole('button', { name: 'Exchange' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Select RSV-0002 for an exchange' }).check();
  await page.getByRole('button', { name: 'Exchange' }).click();
  await expect(heading(page, 'New support request: exchange')).toBeVisible();

  const quote = page.getByTestId('exchange-quote');
  const returned = cents(await fact(quote.getByTestId('exchange-amounts'), 'Value returned').textContent());
  expect(returned).toBeGreaterThan(230000); // 3 days into a 3-year $2,340.00 term, no fee
  expect(returned).toBeLessThan(234000);
  await expect(quote).toContainText('No early termination fee');

  const form = page.getByRole('form', { name: 'New reservation' });
  // A smaller one: 1 × B2s for 1 year ($287.88) falls short.
  await form.getByLabel('Term').selectOption({ label: '1 year' });
  await form.getByLabel('Quantity').fill('1');
  await expect(fact(quote.getByTestId('exchange-amounts'), 'New commitment')).toHaveText('$287.88');
  const short = ((returned - 28788) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
  await expect(page.getByTestId('exchange-shortfall')).toContainText(`add $${short}`);
  // Bad quantity: the engine's bounds are shown beside the field.
  await form.getByLabel('Quantity').fill('0');
  await expect(form.getByText('Quantity: enter a number from 1 to 1,000.')).toBeVisible();

  // A larger one: 1 × D4s_v3 in West Europe for 3 years ($2,361.96).
  await form.getByLabel('VM size and region').selectOption({ label: 'Standard_D4s_v3 · westeurope' });
  await form.getByLabel('Term').selectOption({ label: '3 years' });
  await form.getByLabel('Quantity').fill('1');
  await expect(fact(quote.getByTestId('exchange-amounts'), 'New commitment')).toHaveText('$2,361.96');
  await expect(page.getByTestId('exchange-shortfall')).toHaveCount(0);
  await expect(quote.getByText('The new commitment covers the value returned.')).toBeVisible();

  await fileRequest(page, { reservation: 'RSV-0002' });
  const created = page.getByTestId('request-created');
  const value = '$' + (returned / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
  await expect(created).toContainText(`RSV-0002 exchanged: ${value} returned and applied to RSV-0003 ($2,361.96)`);
  await expect(fact(created.getByTestId('created-facts'), 'Amount')).toHaveText(value);
  await expect(fact(created.getByTestId('created-facts'), 'RSV-0002')).toHaveText('Exchanged');

  await created.getByRole('link', { name: 'Open RSV-0003' }).click();
  const overview = page.getByTestId('reservation-overview');
  await expect(fact(overview, 'Total commitment')).toHaveText('$2,361.96');
  await expect(fact(overview, 'Term')).toHaveText('3 years');
  await expect(page.getByTestId('reservation-history')).toContainText(/Created by request SR-\d{4} in exchange for RSV-0002/);
  await open(page, '#/customers/C-0005/reservations');
  await expect(page.getByTestId('reservations-table').getByRole('row', { name: /RSV-0002/ })).toContainText('Exchanged');
  await expect(page.getByTestId('reservation-requests')).toContainText('Exchange for RSV-0003');
  await expect(page.getByTestId('reservation-requests')).toContainText(value);
  // The invoice of this month holds the exchange: the returned value credited, the new reservation charged.
  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  await page.getByTestId('invoices-table').getByRole('link').first().click();
  await expect(page.getByTestId('invoice-table')).toContainText('-' + value);
  await expect(page.getByTestId('invoice-table')).toContainText('RSV-0003');
  expect(page.problems).toEqual([]); // no console error, no CSP refusal (the chart uses attributes only)
});

test('in French: the quote, the cap and the wizard use Partner Center’s words', async ({ page }) => {
  await open(page, '#/customers/C-0001/reservations/refund?ids=RSV-0001');
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Nouvelle demande de support\u00a0: remboursement')).toBeVisible();
  await expect(fact(page.getByTestId('quote-facts'), 'Règle de crédit')).toHaveText(
    '100\u00a0% du montant payé, sans frais (5 jours ou moins, sans utilisation)',
  );
  await expect(fact(page.getByTestId('cap-facts'), 'Restant')).toHaveText(/50\u202f000,00/);
  const wizard = page.getByRole('form', { name: 'Étapes de la demande de support' });
  await expect(wizard.getByRole('heading', { name: 'Étape 1 sur 4\u00a0: Notions de base' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Suivant' }).click();
  await expect(wizard.getByLabel('Catégorie')).toContainText('Échanges et remboursements');
  expect(page.problems).toEqual([]);
});

test('roles: a Billing admin sees reservations but cannot refund or exchange', async ({ page }) => {
  await open(page, '#/customers/C-0001/reservations');
  const billing = await page.getByTestId('user-switcher').locator('option', { hasText: 'Billing admin' }).first().textContent();
  await page.getByTestId('user-switcher').selectOption({ label: billing.trim() }, { force: true });
  const row = page.getByTestId('reservations-table').getByRole('row', { name: /RSV-0001/ });
  await expect(row.getByRole('link', { name: 'Manage RSV-0001' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Refund RSV-0001' })).toHaveCount(0);
  await open(page, '#/customers/C-0001/reservations/refund?ids=RSV-0001');
  await expect(page.getByText(/Roles that may: Admin agent, Sales agent, Helpdesk agent, Global admin, User management admin/)).toBeVisible();
});
