// Subscription lifecycle, billing and the simulated clock on the release build (issue 4): buy, change the
// quantity (preview, then Submit), suspend and see the deletion date, reactivate, move the date past the
// retention period, cancel an ISV SaaS inside and outside its window, convert a trial, add-ons, auto-renew,
// invoice totals, renewals; and the refusals (quantity out of range, reactivate after deletion, roles).
import {
  test,
  expect,
  open,
  heading,
  clockStep,
  simulatedDate,
  addDays,
  shown,
  moveDateTo,
  openSubscription,
  buyIsv,
} from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

/** "$1,234.56" / "-$48.00" → cents. */
const cents = (text) => {
  const negative = text.trim().startsWith('-');
  const value = Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100);
  return negative ? -value : value;
};

const facts = (page) => page.getByTestId('subscription-facts');
const status = (page) => page.getByTestId('subscription-status');
const statusForm = (page) => page.getByRole('form', { name: 'Status' });

test('change the quantity: out of range is refused, the prorated preview comes before Submit', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Microsoft 365 Business Standard');
  await expect(facts(page)).toContainText('Publisher');
  await expect(facts(page)).toContainText('Next renewal');
  const form = page.getByRole('form', { name: 'Change the number of licenses' });
  const licenses = form.getByLabel('Licenses');

  await licenses.fill('300');
  await expect(form.getByTestId('preview-refusal')).toHaveText('Enter from 1 to 299 licenses.');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('region', { name: 'Change the number of licenses' }).getByRole('alert').last()).toContainText(
    'Enter from 1 to 299 licenses.',
  );
  await expect(facts(page)).toContainText('Licenses20');

  await licenses.fill('22');
  const preview = form.getByTestId('preview');
  await expect(preview).toContainText('Before you submit');
  await expect(preview).toContainText('Credit');
  await expect(preview).toContainText('Prorated charge');
  await expect(form.getByTestId('preview-net')).toHaveText(/^Net: \$\d/);
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Licenses changed to 22.');
  await expect(facts(page)).toContainText('Licenses22');
  await expect(page.getByTestId('history-table').getByRole('row').nth(1)).toContainText(
    'Licenses changed from 20 to 22',
  );
});

test('suspend shows the deletion date below Suspended; reactivate before it', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Microsoft Teams Essentials');
  const today = await simulatedDate(page);
  // Contoso Ltd: 10 days from account opening to first billing → 100 days of retention.
  const deletion = shown(addDays(today, 100));
  await expect(page.getByTestId('deletion-date')).toHaveText(
    `If suspended today: data deleted on ${deletion} unless reactivated, 100 days later.`,
  );
  await statusForm(page).getByRole('radio', { name: 'Suspended' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  await expect(status(page)).toHaveText('Suspended');
  await expect(page.getByTestId('deletion-date')).toHaveText(
    `Data deleted on ${deletion} unless reactivated (100 days left).`,
  );
  // Quantity changes are refused while suspended.
  const form = page.getByRole('form', { name: 'Change the number of licenses' });
  await form.getByLabel('Licenses').fill('6');
  await expect(form.getByTestId('preview-refusal')).toContainText('this one is suspended');

  await statusForm(page).getByRole('radio', { name: 'Active' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  await expect(status(page)).toHaveText('Active');
  await expect(page.getByTestId('flash')).toHaveText('The subscription is active again.');
  const history = page.getByTestId('history-table');
  await expect(history).toContainText('Reactivated');
  await expect(history).toContainText('Suspended');
  // The same section in French, with the seeds' vocabulary.
  await setLanguage(page, 'fr');
  const etat = page.getByRole('form', { name: 'État' });
  await expect(etat.getByRole('radio', { name: 'Suspendu' })).toBeVisible();
  await expect(etat.getByRole('button', { name: 'Envoyer' })).toBeVisible();
  expect(page.problems).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('past the retention period the suspended subscription is Deleted, read-only, and cannot be reactivated', async ({
  page,
}) => {
  // Office 365 E3 was suspended 10 days ago: deleted 90 days from today.
  await openSubscription(page, 'C-0001', 'Office 365 E3');
  await expect(status(page)).toHaveText('Suspended');
  const today = await simulatedDate(page);
  await expect(page.getByTestId('deletion-date')).toContainText(shown(addDays(today, 90)));
  await moveDateTo(page, addDays(today, 91));
  await expect(page.getByRole('group', { name: 'Simulated date' }).getByRole('status')).toContainText(
    /1 subscription deleted/,
  );
  await expect(status(page)).toHaveText('Deleted');
  await expect(page.getByTestId('read-only')).toContainText('A subscription that is deleted can’t become active.');
  await expect(page.getByRole('button', { name: 'Submit' })).toHaveCount(0);
  await expect(page.getByTestId('history-table')).toContainText('Retention period over: data deleted');
});

test('ISV SaaS: set-up link, cancel inside the 24-hour window for a full credit', async ({ page }) => {
  await buyIsv(page, 'Northwind Project Tracker');
  await expect(page.getByRole('link', { name: 'Finish set-up on the publisher’s site' })).toHaveAttribute(
    'href',
    'https://northwind.example.com/csp/setup',
  );
  await expect(page.getByTestId('cancel-quote')).toContainText('Cancelling now gives a full credit of $');
  await expect(page.getByTestId('cancel-quote')).toContainText('This holds until');
  await statusForm(page).getByRole('radio', { name: 'Cancel' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel Northwind Project Tracker?' });
  await expect(dialog).toContainText('full credit');
  await dialog.getByLabel(/Details \(optional\)/).fill('Moving to an in-house tracker');
  await dialog.getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByTestId('flash')).toHaveText('The subscription is cancelled.');
  await expect(status(page)).toHaveText('Cancelled');
  await expect(page.getByTestId('history-table')).toContainText('Cancelled with a full credit');
  await expect(page.getByTestId('history-table')).toContainText('Credit');
  // The optional details are kept in the activity log.
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(page.getByTestId('activity-table')).toContainText('Moving to an in-house tracker');
});

test('ISV SaaS: after the window the cancellation is scheduled for renewal and Cancel is no longer offered', async ({
  page,
}) => {
  await buyIsv(page, 'Northwind Project Tracker');
  await clockStep(page, '+1 week');
  await expect(page.getByTestId('cancel-quote')).toContainText('schedules the cancellation for the renewal date');
  // Auto-renew of a commercial-marketplace subscription.
  const autoRenew = page.getByRole('form', { name: 'Auto-renew' });
  await autoRenew.getByRole('checkbox', { name: 'Auto-renew' }).uncheck();
  await autoRenew.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Auto-renew is now off.');
  await expect(facts(page)).toContainText('Auto-renewOff');
  // The message follows a change of language like the rest of the page, then back.
  await setLanguage(page, 'fr');
  await expect(page.getByTestId('flash')).toHaveText('Le renouvellement automatique est maintenant désactivé.');
  await setLanguage(page, 'en');
  await expect(page.getByTestId('flash')).toHaveText('Auto-renew is now off.');

  await statusForm(page).getByRole('radio', { name: 'Cancel' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByTestId('cancellation-scheduled')).toContainText('Cancellation is scheduled for');
  await expect(status(page)).toHaveText('Active');
  await expect(statusForm(page).getByRole('radio', { name: 'Cancel' })).toHaveCount(0);
});

test('convert a trial to a paid subscription; a Helpdesk agent is refused', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Microsoft 365 Business Basic Trial');
  await expect(facts(page)).toContainText('Trial ends');
  // A trial keeps its 25 licenses.
  const qty = page.getByRole('form', { name: 'Change the number of licenses' });
  await qty.getByLabel('Licenses').fill('30');
  await expect(qty.getByTestId('preview-refusal')).toContainText('A trial keeps its 25 licenses');

  // (Switching user re-renders the page, so the form is filled after each switch.)
  const form = page.getByRole('form', { name: 'Convert trial to paid subscription' });
  const fill = async () => {
    await form.getByLabel('Licenses').fill('10');
    await form.getByLabel('Billing frequency').selectOption({ label: 'Annual' });
    await expect(form.getByTestId('preview')).toContainText('Purchase');
  };
  await page.getByTestId('user-switcher').selectOption({ label: 'Jordan Lee — Helpdesk agent' }, { force: true });
  await fill();
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('region', { name: 'Convert trial to paid subscription' }).getByRole('alert').last()).toContainText(
    'Your roles do not allow this. Roles that may:',
  );
  await expect(status(page)).toHaveText('Active');

  await page.getByTestId('user-switcher').selectOption({ label: 'Sam Rivera — Sales agent' }, { force: true });
  await fill();
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('flash')).toHaveText('The trial is now a paid subscription.');
  await expect(heading(page, 'Microsoft 365 Business Basic')).toBeVisible();
  await expect(facts(page)).toContainText('Licenses10');
  await expect(facts(page)).toContainText('Billing frequencyAnnual');
  await expect(page.getByTestId('history-table')).toContainText('Trial converted to paid subscription');
});

test('add-ons are bought from the base subscription page', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Microsoft 365 Business Standard');
  const audio = page.getByRole('listitem', { name: 'Audio Conferencing' });
  await audio.getByLabel('Licenses').fill('3');
  await expect(audio).toContainText('First charge, prorated to the base’s period end: $');
  await audio.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('flash')).toHaveText('Audio Conferencing was added.');
  await page.getByTestId('held-add-ons').getByRole('link', { name: /Audio Conferencing/ }).click();
  await expect(heading(page, 'Audio Conferencing')).toBeVisible();
  await expect(facts(page)).toContainText('Base subscription');
});

test('billing: invoices by month whose total is the sum of their entries; the clock summary; roles', async ({
  page,
}) => {
  await open(page, '#/customers');
  await clockStep(page, '+1 month');
  await expect(page.getByRole('group', { name: 'Simulated date' }).getByRole('status')).toHaveText(
    /Simulated date moved to .*\d+ billing cycles? charged/,
  );
  // The summary is worded again when the language changes.
  await setLanguage(page, 'fr');
  await expect(page.getByRole('group', { name: 'Date simulée' }).getByRole('status')).toHaveText(
    /Date simulée avancée au .*\d+ cycles? de facturation facturés?/,
  );
  await setLanguage(page, 'en');
  await page.getByRole('link', { name: 'Billing', exact: true }).click();
  const invoices = page.getByTestId('invoices-table');
  await expect(invoices.getByRole('row')).not.toHaveCount(1);
  const listed = await invoices.getByRole('row').nth(1).getByRole('cell').last().textContent();
  await invoices.getByRole('row').nth(1).getByRole('link').click();
  await expect(heading(page, /^Invoice for /)).toBeVisible();
  const table = page.getByTestId('invoice-table');
  const amounts = await table.locator('tbody tr td:last-child').allTextContents();
  expect(amounts.length).toBeGreaterThan(0);
  const total = await page.getByTestId('invoice-total').textContent();
  expect(cents(total)).toBe(amounts.reduce((sum, a) => sum + cents(a), 0));
  expect(total).toBe(listed);

  await page.getByTestId('user-switcher').selectOption({ label: 'Sam Rivera — Sales agent' }, { force: true });
  await expect(page.getByText(/You can’t open this page with your roles/)).toBeVisible();
  await expect(table).toHaveCount(0);
});

test('renewals within 30, 60 and 90 days; the customer spend', async ({ page }) => {
  await open(page, '#/renewals');
  await expect(heading(page, 'Renewals')).toBeVisible();
  const rows = page.getByTestId('renewals-table');
  await expect(rows).toContainText('Trial ends');
  await expect(rows).not.toContainText('Suspension expires');
  await page.getByRole('radio', { name: '90 days' }).check();
  await expect(rows.getByRole('row', { name: /Suspension expires: deleted.*Office 365 E3/ })).toBeVisible();
  await rows.getByRole('link', { name: 'Microsoft 365 Business Basic Trial' }).click();
  await expect(heading(page, 'Microsoft 365 Business Basic Trial')).toBeVisible();

  await open(page, '#/customers/C-0001/account');
  await expect(page.getByTestId('customer-spend')).toHaveText(/^\$\d/);
});

// ── Issue 16: bugs a new user meets ──

test('issue 16: an Account admin on a subscription is told the roles that may manage it', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Office 365 E3');
  await page.getByTestId('user-switcher').selectOption({ label: 'Riley Chen — Account admin' }, { force: true });
  const refusal = page.getByText(/You can’t open this page with your roles/);
  await expect(refusal).toHaveText(
    'You can’t open this page with your roles. Roles that may buy and manage subscriptions: Admin agent, Sales agent, Helpdesk agent, Billing admin, Global admin.',
  );
  await expect(refusal).not.toContainText('User management admin');
});

test('issue 16: ISV SaaS page: Auto-renew Off once a cancellation is scheduled; suspended only for non-payment or fraud; no Add-ons card', async ({
  page,
}) => {
  await buyIsv(page, 'Northwind Project Tracker');
  await expect(page.getByRole('region', { name: 'Add-ons' })).toHaveCount(0);
  // RULES §4.3: not "Suspended" with no reason.
  await expect(statusForm(page).getByRole('radio', { name: 'Suspended', exact: true })).toHaveCount(0);
  await expect(statusForm(page).getByRole('radio', { name: 'Suspended for non-payment' })).toBeVisible();
  await expect(statusForm(page).getByRole('radio', { name: 'Suspended for fraud' })).toBeVisible();

  await clockStep(page, '+1 week');
  await expect(facts(page)).toContainText('Auto-renewOn');
  await statusForm(page).getByRole('radio', { name: 'Cancel' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel' }).click();
  await expect(page.getByTestId('cancellation-scheduled')).toContainText('Cancellation is scheduled for');
  await expect(facts(page)).toContainText('Auto-renewOff');
  await expect(page.getByRole('form', { name: 'Auto-renew' })).toHaveCount(0);

  await statusForm(page).getByRole('radio', { name: 'Suspended for non-payment' }).check();
  await statusForm(page).getByRole('button', { name: 'Submit' }).click();
  await expect(status(page)).toHaveText('Suspended');
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(page.getByTestId('activity-table')).toContainText('non-payment');
});

test('issue 16: the history lists each billing cycle once', async ({ page }) => {
  await openSubscription(page, 'C-0001', 'Microsoft 365 Business Standard');
  const history = page.getByTestId('history-table');
  await expect(history).toContainText('Billing cycle');
  await expect(history.getByRole('row').filter({ hasText: /^.*Billing period .* charged/ })).toHaveCount(0);
});
