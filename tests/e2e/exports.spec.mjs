// CSV exports (issue 15 §1): each "Export CSV" downloads what its table shows, under its filters, parsed with a
// real CSV parser (csv-parse); and the partner-wide Subscriptions list with its filters and refusals.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

/** Click an export button, capture the download, parse it (BOM checked and stripped). */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const text = await readFile(await file.path(), 'utf8');
  expect(text.charCodeAt(0), 'UTF-8 byte-order mark').toBe(0xfeff);
  return { name: file.suggestedFilename(), rows: parse(text, { bom: true, relax_column_count: false }) };
}

/**
 * A table as the export should hold it: the header cells' words, then each body row's cells — the words shown,
 * or for a date its `<time datetime>`, for an amount its `<data value>` followed by its currency when the
 * amount names one (`data-currency`: the export's separate currency column).
 */
async function tableAsCsv(table) {
  return table.evaluate((t) => {
    const header = [...t.querySelectorAll('thead th')].map((th) => th.innerText.replace(/[▲▼]/g, '').trim());
    const body = [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].flatMap((cell) => {
        const time = cell.querySelector('time[datetime]');
        if (time) return [time.getAttribute('datetime')];
        const data = cell.querySelector('data[value]');
        if (data) return data.dataset.currency ? [data.value, data.dataset.currency] : [data.value];
        return [cell.innerText.trim()];
      }),
    );
    const currencies = t.querySelector('tbody data[data-currency]') !== null;
    return { header, body, currencies };
  });
}

/** The export equals the table: same header (plus Currency when amounts name one), same rows, same cells. */
async function expectExportMatches(page, testid, table, { currency = 'Currency', file } = {}) {
  const shown = await tableAsCsv(table);
  const { name, rows } = await download(page, testid);
  if (file) expect(name).toMatch(file);
  const header = shown.currencies ? [...shown.header, currency] : shown.header;
  expect(rows[0]).toEqual(header);
  const body = rows.slice(1).map((r) => r.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')));
  expect(body).toHaveLength(shown.body.length);
  expect(body).toEqual(shown.body);
  return rows;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

test('Customers: the export holds the listed customers under the search, in English and in French', async ({ page }) => {
  await open(page, '#/customers');
  const table = page.getByTestId('customers-table');
  const all = await expectExportMatches(page, 'export-customers', table, { file: /^customers-\d{4}-\d{2}-\d{2}\.csv$/ });
  expect(all[0]).toEqual(['Name', 'Domain', 'Country', 'Segment']);
  expect(all.length).toBeGreaterThan(3);

  await page.getByRole('searchbox', { name: 'Search by company name or domain' }).fill('con');
  await expect(table.getByRole('row')).not.toHaveCount(all.length);
  const filtered = await expectExportMatches(page, 'export-customers', table);
  expect(filtered.length).toBeLessThan(all.length);

  await setLanguage(page, 'fr');
  await expect(page.getByTestId('export-customers')).toHaveText('Exporter en CSV');
  const fr = await expectExportMatches(page, 'export-customers', table);
  expect(fr[0]).toEqual(['Nom', 'Domaine', 'Pays', 'Segment']);
});

test('a customer’s Subscriptions and Order history tabs export their rows, dates ISO, money plain', async ({ page }) => {
  await open(page, '#/customers/C-0001');
  const subs = await expectExportMatches(page, 'export-customer-subscriptions', page.getByTestId('subscriptions-table'), {
    file: /^subscriptions-C-0001-\d{4}-\d{2}-\d{2}\.csv$/,
  });
  expect(subs[0]).toEqual(['Name', 'Quantity', 'Billing frequency', 'Status', 'Term end', 'Order number']);
  expect(subs[1][4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await page.getByRole('link', { name: 'Order history' }).click();
  const orders = await expectExportMatches(page, 'export-orders', page.getByTestId('orders-table'), {
    file: /^orders-C-0001-\d{4}-\d{2}-\d{2}\.csv$/,
  });
  expect(orders[0].at(-1)).toBe('Currency');
  expect(orders[1][1]).toMatch(ISO_DATE);
  expect(orders[1][5]).toMatch(/^-?\d+(\.\d{2})?$/); // 1234.50: no symbol, no grouping
  expect(orders[1][6]).toMatch(/^[A-Z]{3}$/);
});

test('Billing: the invoice list and an invoice with its lines, in English and in French', async ({ page }) => {
  await open(page, '#/billing');
  const list = await expectExportMatches(page, 'export-invoices', page.getByTestId('invoices-table'), {
    file: /^invoices-\d{4}-\d{2}-\d{2}\.csv$/,
  });
  expect(list[0]).toEqual(['Month', 'Currency', 'Entries', 'Total']);
  expect(list[1][0]).toMatch(/^\d{4}-\d{2}$/);

  await page.getByTestId('invoices-table').getByRole('link').first().click();
  await expect(page.getByTestId('invoice-table')).toBeVisible();
  const lines = await expectExportMatches(page, 'export-invoice', page.getByTestId('invoice-table'), {
    file: /^invoice-\d{4}-\d{2}\.csv$/,
  });
  expect(lines[0]).toEqual([
    'Date', 'Customer', 'Subscription or order', 'Description', 'Charge type', 'Quantity', 'Unit price', 'Amount', 'Currency',
  ]);
  // The lines add up to the invoice's total.
  const total = lines.slice(1).reduce((sum, r) => sum + Math.round(Number(r[7]) * 100), 0);
  const shownTotal = await page.getByTestId('invoice-total').first().textContent();
  expect(shownTotal.replace(/[^\d-]/g, '')).toBe(String(total));

  await setLanguage(page, 'fr');
  const fr = await expectExportMatches(page, 'export-invoice', page.getByTestId('invoice-table'), { currency: 'Devise' });
  expect(fr[0]).toEqual([
    'Date', 'Client', 'Abonnement ou commande', 'Description', 'Type de frais', 'Quantité', 'Prix unitaire', 'Montant', 'Devise',
  ]);
  expect(fr[1][7]).toMatch(/^-?\d+\.\d{2}$/); // a decimal point whatever the language
});

test('a cell that starts like a formula is defused in the file and shown as typed on the page', async ({ page }) => {
  await page.goto('index.html#/customers/new');
  const form = page.getByRole('form', { name: 'Add customer' });
  await form.getByLabel('Company name').fill('=HYPERLINK("http://evil.example","Click")');
  await form.getByLabel('Primary domain').fill('formulatest');
  await form.getByLabel('Billing country').selectOption('CH');
  await form.getByLabel('Segment').selectOption({ label: 'Commercial' });
  await form.getByLabel('Account opened').fill('2026-03-01');
  await form.getByLabel('First billing period').fill('2026-03-15');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, '=HYPERLINK("http://evil.example","Click")')).toBeVisible();

  await open(page, '#/customers?q=formulatest');
  const table = page.getByTestId('customers-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link')).toHaveText('=HYPERLINK("http://evil.example","Click")');
  const { rows } = await download(page, 'export-customers');
  expect(rows).toHaveLength(2);
  expect(rows[1][0]).toBe('\'=HYPERLINK("http://evil.example","Click")');
  expect(rows[1][1]).toBe('formulatest.onmicrosoft.com');
});

test('Subscriptions: every customer’s subscriptions, filtered from the URL, exported as filtered', async ({ page }) => {
  await open(page, '#/customers');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(heading(page, 'Subscriptions')).toBeVisible();
  const table = page.getByTestId('all-subscriptions-table');
  const status = page.getByRole('main').getByRole('status');
  const count = async () => Number((await status.textContent()).match(/\d+/)[0]);
  const all = await count();
  expect(all).toBeGreaterThan(3);
  await expect(table.locator('tbody tr')).toHaveCount(all);
  const everything = await expectExportMatches(page, 'export-subscriptions', table, { file: /^subscriptions-\d{4}-\d{2}-\d{2}\.csv$/ });
  expect(everything[0]).toEqual(['Customer', 'Name', 'Publisher', 'Quantity', 'Status', 'Term end', 'Auto-renew']);
  // More than one customer is listed.
  expect(new Set(everything.slice(1).map((r) => r[0])).size).toBeGreaterThan(1);

  // Status: only suspended ones; the URL carries the filter.
  await page.getByTestId('filter-status').selectOption('suspended');
  await expect(page).toHaveURL(/#\/subscriptions\?status=suspended/);
  await expect(table.locator('tbody tr').first()).toContainText('Suspended');
  const suspended = await expectExportMatches(page, 'export-subscriptions', table);
  expect(suspended.length - 1).toBeLessThan(all);
  for (const r of suspended.slice(1)) expect(r[4]).toBe('Suspended');
  await page.getByTestId('filter-status').selectOption('');

  // Customer.
  await page.getByTestId('filter-customer').selectOption('C-0001');
  const one = await expectExportMatches(page, 'export-subscriptions', table);
  const name = one[1][0];
  for (const r of one.slice(1)) expect(r[0]).toBe(name);
  await page.getByTestId('filter-customer').selectOption('');

  // Publisher: Microsoft's only; the demo partner sells no partner (ISV) subscription yet: an empty list says
  // so, and its export is the header alone.
  await page.getByTestId('filter-publisher').selectOption('microsoft');
  await expect(page).toHaveURL(/publisher=microsoft/);
  const microsoft = await expectExportMatches(page, 'export-subscriptions', table);
  for (const r of microsoft.slice(1)) expect(r[2]).toBe('Microsoft');
  await page.getByTestId('filter-publisher').selectOption('partner');
  await expect(page.getByText('No subscription matches these filters.')).toBeVisible();
  await expect(status).toHaveText('0 subscriptions');
  const none = await download(page, 'export-subscriptions');
  expect(none.rows).toEqual([everything[0]]);
  await page.getByTestId('filter-publisher').selectOption('');

  // Renews within N days: active, auto-renewing, term ending within N days of the simulated date.
  const within = page.getByTestId('filter-within');
  await within.fill('400');
  await expect(page).toHaveURL(/within=400/);
  const soon = await expectExportMatches(page, 'export-subscriptions', table);
  for (const r of soon.slice(1)) {
    expect(r[4]).toBe('Active');
    expect(r[6]).toBe('Yes');
  }
  await within.fill('0');
  expect(await count()).toBeLessThanOrEqual(soon.length - 1);

  // A bad N: a clear message, and the list is not filtered by it.
  await within.fill('abc');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Enter a whole number of days from 0 to 3650.');
  await expect(within).toHaveAttribute('aria-invalid', 'true');
  expect(await count()).toBe(all);
  await within.fill('99999');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Enter a whole number of days from 0 to 3650.');
  await within.fill('30');
  await expect(page.getByRole('main').getByRole('alert')).toBeEmpty();

  // A link with the filters opens the same view.
  await page.goto('index.html#/subscriptions?status=active&within=-5');
  await expect(page.getByTestId('filter-status')).toHaveValue('active');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Enter a whole number of days from 0 to 3650.');

  const axe = await new AxeBuilder({ page }).include('.cspm').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Subscriptions in French: header, count wording, bad N message', async ({ page }) => {
  await open(page, '#/subscriptions');
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Abonnements')).toBeVisible();
  const table = page.getByTestId('all-subscriptions-table');
  const rows = await expectExportMatches(page, 'export-subscriptions', table);
  expect(rows[0]).toEqual(['Client', 'Nom', 'Éditeur', 'Quantité', 'État', 'Fin du terme', 'Renouvellement automatique']);
  await page.getByTestId('filter-within').fill('1,5');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Saisissez un nombre entier de jours de 0 à 3650.');
  await page.getByTestId('filter-customer').selectOption('C-0001');
  await page.getByTestId('filter-status').selectOption('deleted');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^[01] abonnement$/);
});
