// Software (RULES §5): keys and downloads, link expiry, cancellation, the support request form and the
// software key-access and download log, on the release build. The demo's Contoso Ltd (C-0001) bought
// Windows Server 2022 (perpetual), SQL Server 2019 (1-year subscription) and a SUSE plan three days ago.
import { readFile } from 'node:fs/promises';
import { test, expect, open, heading, clockStep } from './fixtures.mjs';

const WS = 'Windows Server 2022 Standard - 2 Core License Pack (perpetual)';
const SQL = 'SQL Server 2019 Standard - 2 Core License Pack (subscription)';
const SUSE = 'SUSE Linux Enterprise Server Standard (1-2 vCPU VM)';
const KEY = /^[BCDFGHJKMPQRTVWXY2346789]{5}(-[BCDFGHJKMPQRTVWXY2346789]{5}){4}$/;

async function signIn(page, label) {
  await page.getByTestId('user-switcher').selectOption({ label }, { force: true });
}
const adminAgent = (page) => signIn(page, 'Alex Martin — Admin agent');

// Every test ends with no CSP violation and no console error.
test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

async function advanceDays(page, days) {
  for (let i = 0; i < days; i += 1) await clockStep(page, '+1 day');
}

test('an Admin agent gets a key, downloads, copies the link; after 15 days the link has expired and is renewed', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/customers/C-0001/software');
  await adminAgent(page);
  const table = page.getByTestId('software-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: new RegExp(SUSE.replace(/[()]/g, '.')) })).toContainText('None: used in Azure');

  const ws = page.getByRole('region', { name: WS });
  await expect(ws.getByLabel('Version')).toHaveValue('WS2022');
  await ws.getByLabel('Version').selectOption({ label: 'Windows Server 2019' });
  await ws.getByLabel('Language').selectOption({ label: 'French' });
  await expect(ws.getByLabel('32-bit or 64-bit')).toHaveValue('64-bit');
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  await expect(ws.getByText('A new download link was issued.')).toBeVisible();
  await expect(ws.getByTestId('download-link')).toContainText('Download link for Windows Server 2019 · French · 64-bit');
  await expect(ws.getByTestId('link-status')).toContainText('Downloads left: 50.');

  // Get key: a dialog with the 25-character key and a copy button.
  await ws.getByRole('button', { name: 'Get key', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Product key' });
  await expect(dialog).toBeVisible();
  const key = (await dialog.getByTestId('product-key').textContent()).trim();
  expect(key).toMatch(KEY);
  await dialog.getByRole('button', { name: 'Copy key' }).click();
  await expect(dialog.getByText('The key was copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // Deterministic: the same selection shows the same key again.
  await ws.getByRole('button', { name: 'Get key', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Product key' }).getByTestId('product-key')).toHaveText(key);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Download: a real small text file naming product, version, language and bit; one download counted.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    ws.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('WS2019_fr-FR_64-bit.txt');
  const body = await readFile(await download.path(), 'utf8');
  expect(body).toContain(`Product: ${WS}`);
  expect(body).toContain('Version: Windows Server 2019');
  expect(body).toContain('Language: fr-FR');
  expect(body).toContain('Bit: 64-bit');
  await expect(ws.getByTestId('link-status')).toContainText('Downloads left: 49.');

  // Copy link: the link's URL on the clipboard.
  const url = await ws.getByLabel('Download link', { exact: true }).inputValue();
  expect(url).toMatch(/^https:\/\/download\.csp-marketplace\.example\//);
  await ws.getByRole('button', { name: 'Copy link' }).click();
  await expect(ws.getByText('The download link was copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // 15 days later the link has expired: downloads are refused with the reason; a new link works.
  await advanceDays(page, 15);
  await expect(ws.getByTestId('link-status')).toContainText('This download link expired on');
  await ws.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(ws.getByRole('alert')).toContainText('This download link expired on');
  await expect(ws.getByRole('alert')).toContainText('Select Get keys and downloads for a new one.');
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  await expect(ws.getByTestId('link-status')).toContainText('Downloads left: 50.');
  expect(await ws.getByLabel('Download link', { exact: true }).inputValue()).not.toBe(url);
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    ws.getByRole('button', { name: 'Download', exact: true }).click(),
  ]);
  expect(again.suggestedFilename()).toBe('WS2019_fr-FR_64-bit.txt');
  await expect(ws.getByRole('alert')).toHaveCount(0);
});

test('only Admin agents and Global admins open the Software tab; only Admin agents act', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await signIn(page, 'Sam Rivera — Sales agent');
  // Issue 16: the roles of what the page is for (getting keys), not Global admin, who may open it but not act.
  await expect(
    page.getByText(
      'You can’t open this page with your roles. Roles that may get keys and downloads or cancel a purchase: Admin agent.',
    ),
  ).toBeVisible();
  await expect(page.getByTestId('software-table')).toHaveCount(0);

  await signIn(page, 'Morgan Blake — Global admin');
  await expect(page.getByTestId('software-table')).toContainText(WS);
  await expect(
    page.getByText('Getting keys and downloads and cancelling a purchase need one of these roles: Admin agent.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Get keys and downloads' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('cancel inside the window: days left, acknowledgement, credit on the invoice, key gone', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await adminAgent(page);
  const table = page.getByTestId('software-table');

  // Issue 16: a SUSE plan can never be cancelled: its Cancel is disabled, with the reason beside it.
  const suse = table.getByRole('row', { name: /SUSE/ });
  await expect(suse.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await expect(suse.getByRole('button', { name: 'Cancel' })).toHaveAccessibleDescription(
    'SUSE and Red Hat software plans can’t be cancelled or exchanged.',
  );
  await expect(suse).toContainText('SUSE and Red Hat software plans can’t be cancelled or exchanged.');
  let dialog;

  const ws = page.getByRole('region', { name: WS });
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  await expect(ws.getByTestId('link-status')).toContainText('Downloads left: 50.');

  await table.getByRole('row', { name: /Windows Server 2022/ }).getByRole('button', { name: 'Cancel' }).click();
  dialog = page.getByRole('dialog', { name: 'Cancel a purchase' });
  await expect(dialog.getByLabel('Order number')).toHaveCount(1);
  await expect(dialog.getByTestId('cancel-quote')).toContainText('57 days left to cancel this order');
  await expect(dialog.getByTestId('cancel-quote')).toContainText('$440.00 (perpetual software: full credit');
  await expect(dialog.getByRole('note')).toContainText('keys and download links are revoked');
  const submit = dialog.getByRole('button', { name: 'Submit' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'I have read the Important note' }).check();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('software-notice')).toContainText(
    'was cancelled: its keys and download links are revoked. A credit of $440.00 will appear on the next invoice.',
  );

  // Still listed, marked cancelled, without key; the credit is on this month's invoice (ledger data).
  const row = table.getByRole('row', { name: /Windows Server 2022/ });
  await expect(row).toContainText('Cancelled');
  await expect(row).toContainText('Revoked on');
  const credit = row.getByTestId('software-credit');
  // Issue 16: one sign convention: "Credit $440.00", as the dialog and the notice say it.
  await expect(credit).toHaveText(/^Credit \$440\.00 on the \w+ \d{4} invoice$/);
  await expect(credit).toHaveAttribute('href', /^#\/billing\/\d{4}-\d{2}$/);
  await expect(row.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  // The invoice of that month lists the credit.
  await credit.click();
  await expect(page.getByTestId('invoice-table')).toContainText('-$440.00');
  await page.goBack();
  await expect(page.getByRole('region', { name: WS })).toHaveCount(0);

  // The general activity log records the cancellation with its credit.
  await page.getByRole('link', { name: 'Activity log', exact: true }).click();
  await expect(page.getByTestId('activity-table')).toContainText('Software purchase cancelled');
  await expect(page.getByTestId('activity-table')).toContainText('credit');
});

test('after 60 days the dialog links to the support request form, which refuses bad fields and then files', async ({
  page,
}) => {
  await open(page, '#/customers/C-0001/software');
  await adminAgent(page);
  await clockStep(page, '+1 month');
  await clockStep(page, '+1 month');
  const table = page.getByTestId('software-table');
  const sqlRow = table.getByRole('row', { name: /SQL Server 2019/ });
  const number = (await sqlRow.getByRole('cell').nth(2).textContent()).trim();
  await sqlRow.getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel a purchase' });
  await expect(dialog.getByTestId('cancel-blockers')).toContainText('The cancellation window closed on');
  await dialog.getByRole('checkbox', { name: 'I have read the Important note' }).check();
  await expect(dialog.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await dialog.getByRole('link', { name: 'Create a customer support request' }).click();

  await expect(heading(page, 'Customer support request')).toBeVisible();
  const form = page.getByRole('form', { name: 'Customer support request' });
  await expect(form).toContainText('CSP Purchase/Refund on behalf of customers');
  await expect(page.getByText(`Purchase: ${SQL}`)).toBeVisible();
  const order = form.getByLabel('Order or subscription ID');
  await expect(order).toHaveValue(number);

  await order.fill('');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByText('Nothing was saved. Fix the fields below.')).toBeVisible();
  for (const message of [
    'Tenant ID or domain name: this field is required.',
    'Order or subscription ID: this field is required.',
    'Refund reason: this field is required.',
    'Amount requested: this field is required.',
    'Contact name: this field is required.',
    'Contact e-mail: this field is required.',
    'Phone number: this field is required.',
  ]) {
    await expect(form.getByText(message)).toBeVisible();
  }

  await form.getByLabel('Tenant ID or domain name').fill('fabrikamfr.onmicrosoft.com');
  await order.fill('O-9999');
  await form.getByLabel('Refund reason').fill('Bought for the wrong tenant; the 60-day window has passed.');
  await form.getByLabel('Amount requested').fill('12.345');
  await form.getByLabel('Contact name').fill('Alex Martin');
  await form.getByLabel('Contact e-mail').fill('alex.martin@contoso');
  await form.getByLabel('Phone number').fill('12');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByText('Tenant ID or domain name: this doesn’t match this customer’s record.')).toBeVisible();
  await expect(form.getByText(/Order or subscription ID: this isn’t one of this customer’s/)).toBeVisible();
  await expect(form.getByText('Amount requested: use at most 2 decimals.')).toBeVisible();
  await expect(form.getByText('Contact e-mail: enter an address like name@example.com.')).toBeVisible();
  await expect(form.getByText('Phone number: enter a phone number like +1 425 555 0100.')).toBeVisible();

  await form.getByLabel('Tenant ID or domain name').fill('contosoltd.onmicrosoft.com');
  await order.fill(number);
  await form.getByLabel('Amount requested').fill('1365.00');
  await form.getByLabel('Contact e-mail').fill('alex.martin@contoso-partners.com');
  await form.getByLabel('Phone number').fill('+1 425 555 0100');
  await form.getByLabel('Attachment').setInputFiles({
    name: 'receipt.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('receipt'),
  });
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('support-filed')).toContainText('Support request SR-0001 was created on');
  await expect(page.getByTestId('support-filed')).toContainText('Status: Submitted.');

  await page.getByRole('link', { name: 'Back to the Software tab' }).click();
  const requests = page.getByTestId('support-requests-table');
  await expect(requests).toContainText('SR-0001');
  await expect(requests).toContainText('CSP Purchase/Refund on behalf of customers');
  await expect(requests).toContainText(number);
  await expect(requests).toContainText('$1,365.00');
  await expect(requests).toContainText('Submitted');
  // It changes no money: the SQL Server purchase is still active, with no credit.
  const row = table.getByRole('row', { name: /SQL Server 2019/ });
  await expect(row).toContainText('Active');
  await expect(row.getByTestId('software-credit')).toHaveCount(0);
});

test('the software activity log: a Global admin reads a date range and exports CSV; other roles are told who may', async ({
  page,
}) => {
  await open(page, '#/customers/C-0001/software');
  await adminAgent(page);
  const sql = page.getByRole('region', { name: SQL });
  await sql.getByRole('button', { name: 'Get keys and downloads' }).click();
  await sql.getByRole('button', { name: 'Get key', exact: true }).click();
  await page.getByRole('dialog', { name: 'Product key' }).getByRole('button', { name: 'Close' }).click();

  await signIn(page, 'Morgan Blake — Global admin');
  await page.getByRole('link', { name: 'Activity log', exact: true }).click();
  await page.getByRole('link', { name: 'Software key access and downloads' }).click();
  await expect(heading(page, 'Software key access and downloads')).toBeVisible();
  const log = page.getByTestId('software-activity-table');
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log).toContainText('Alex Martin');
  await expect(log).toContainText('Contoso Ltd');
  await expect(log).toContainText(SQL);
  await expect(log).toContainText('Keys and downloads requested');
  await expect(log).toContainText('Product key viewed');
  await expect(log).toContainText('SQL Server 2019');

  const from = page.getByLabel('From');
  const to = page.getByLabel('To', { exact: true });
  const [today] = [await to.inputValue()];
  expect(await from.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await from.fill('2099-01-01');
  await to.fill('2099-12-31');
  await expect(page.getByText('No activity in this date range.')).toBeVisible();
  await to.fill('2098-12-31');
  await expect(page.getByText('The From date is after the To date: no entry can match.')).toBeVisible();
  await from.fill(today);
  await to.fill(today);
  await expect(log.getByRole('row')).toHaveCount(3);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^software-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true); // the BOM Excel needs to read UTF-8
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Time,User,User ID,Customer,Purchase,Product,Version,Language,Bit,Action');
  expect(lines).toHaveLength(3);
  expect(csv).toContain('key-accessed');
  expect(csv).toContain('link-issued');

  // An Account admin may not read the general log but reaches the software log from it.
  await signIn(page, 'Riley Chen — Account admin');
  await page.getByRole('link', { name: 'Activity log', exact: true }).click();
  await expect(page.getByText(/You can’t open this page with your roles/)).toBeVisible();
  await page.getByRole('link', { name: 'Software key access and downloads' }).click();
  await expect(page.getByTestId('software-activity-table')).toBeVisible();

  // A Sales agent is told who may read it.
  await signIn(page, 'Sam Rivera — Sales agent');
  await expect(
    page.getByText(
      'You can’t open this page with your roles. Roles that may: Global admin, Account admin, Referral admin, Marketing content admin.',
    ),
  ).toBeVisible();
});
