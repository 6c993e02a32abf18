// Data safety (issue 14): tabs agree, a closed tab loses nothing, damaged data costs nothing, backups
// are listed and restorable, and the backup file round-trips — on the release build, in Chromium.
import { test, expect, open, heading, addUser, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';
import { readFile } from 'node:fs/promises';

const KEY = 'csp-marketplace';

/** Add a customer through its form (defaults that every demo date accepts). */
async function addCustomer(page, name, domain) {
  await page.goto(`index.html#/customers/new`);
  const form = page.getByRole('form', { name: 'Add customer' });
  await form.getByLabel('Company name').fill(name);
  await form.getByLabel('Primary domain').fill(domain);
  await form.getByLabel('Billing country').selectOption('CH');
  await form.getByLabel('Segment').selectOption({ label: 'Commercial' });
  await form.getByLabel('Account opened').fill('2026-03-01');
  await form.getByLabel('First billing period').fill('2026-03-15');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, name)).toBeVisible();
}

/** Buy `quantity` licenses of Exchange Online (Plan 1) for Fabrikam (C-0002) through Review and Buy. */
async function buyExchange(page, quantity) {
  await page.goto('index.html#/customers/C-0002/add?q=Exchange%20Online%20(Plan%201)');
  const offer = page.getByRole('listitem', { name: 'Exchange Online (Plan 1)', exact: true });
  await offer.getByLabel('Licenses').fill(String(quantity));
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Exchange Online (Plan 1) was added to the cart.')).toBeVisible();
  await page.goto('index.html#/customers/C-0002/review');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
}

async function downloadBackup(page) {
  await page.goto('index.html#/settings/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

async function restoreFile(page, text, name = 'backup.json') {
  await page.goto('index.html#/settings/data');
  await page.getByLabel('Backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('two tabs: 100 alternating changes reach both tabs within a second and survive a reload', async ({ page, context }) => {
  test.setTimeout(480_000);
  const a = page;
  const b = await context.newPage();
  await open(a, '#/settings');
  await open(b, '#/settings');
  const tabs = [a, b];
  const users = [];
  const customers = [];
  const quantities = [];
  let days = 0;
  const startDate = await a.getByTestId('simulated-date').textContent();
  for (let i = 0; i < 100; i++) {
    const [tab, other] = [tabs[i % 2], tabs[(i + 1) % 2]];
    const kind = [0, 2, 4, 6].includes(i % 10) ? 'user' : [1, 5].includes(i % 10) ? 'customer' : i % 10 === 8 ? 'purchase' : 'clock';
    if (kind === 'user') {
      const name = `Tab User ${i}`;
      await tab.goto('index.html#/settings');
      await addUser(tab, { name, email: `tab.user.${i}@contoso-partners.com`, role: 'Sales agent' });
      users.push(name);
      // The other tab shows it within a second, without a reload.
      await other.goto('index.html#/settings');
      await expect(other.getByTestId('users-table')).toContainText(name, { timeout: 1000 });
    } else if (kind === 'customer') {
      const name = `Tab Customer ${i}`;
      await addCustomer(tab, name, `tabcustomer${i}`);
      customers.push(name);
    } else if (kind === 'purchase') {
      await buyExchange(tab, 100 + i);
      quantities.push(100 + i);
    } else {
      const before = await tab.getByTestId('simulated-date').textContent();
      await clockStep(tab, '+1 day');
      await expect(tab.getByTestId('simulated-date')).not.toHaveText(before);
      days += 1;
      await expect(other.getByTestId('simulated-date')).toHaveText(await tab.getByTestId('simulated-date').textContent(), { timeout: 1000 });
    }
  }
  expect(days).toBe(30);
  const check = async (tab) => {
    await tab.goto('index.html#/settings');
    for (const name of users) await expect(tab.getByTestId('users-table')).toContainText(name);
    await tab.goto('index.html#/customers?q=Tab%20Customer');
    await expect(tab.getByTestId('customers-table').getByRole('row')).toHaveCount(customers.length + 1);
    for (const name of customers) await expect(tab.getByTestId('customers-table')).toContainText(name);
    await tab.goto('index.html#/customers/C-0002/orders');
    for (const q of quantities) await expect(tab.getByTestId('orders-table')).toContainText(`${q} × Exchange Online (Plan 1)`);
    await expect(tab.getByTestId('simulated-date')).not.toHaveText(startDate);
  };
  await check(a);
  await check(b);
  expect(await a.getByTestId('simulated-date').textContent()).toEqual(await b.getByTestId('simulated-date').textContent());
  await a.reload();
  await b.reload();
  await check(a);
  await check(b);
  await expect(a.getByTestId('notice')).toHaveCount(0);
});

test('two tabs: a purchase the other tab made first is refused here, with the engine’s reason', async ({ page, context }) => {
  const a = page;
  const b = await context.newPage();
  await open(a, '#/customers');
  await addCustomer(a, 'Race Customer', 'racecustomer');
  const customerUrl = a.url();
  const id = customerUrl.match(/customers\/(C-\d+)/)[1];
  const add = `index.html#/customers/${id}/add?q=Microsoft%20Teams%20Essentials`;
  await b.goto(add);
  const teamsInB = b.getByRole('listitem', { name: 'Microsoft Teams Essentials' });
  await expect(teamsInB.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
  // Tab A buys the one-per-customer offer.
  await a.goto(add);
  const teams = a.getByRole('listitem', { name: 'Microsoft Teams Essentials' });
  await teams.getByRole('button', { name: 'Add to cart' }).click();
  await a.goto(`index.html#/customers/${id}/review`);
  await a.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(a, 'Order confirmation')).toBeVisible();
  // Tab B, still on the same page, now decides on the state that includes A's purchase.
  await expect(teamsInB).toContainText('already has the maximum of 1 subscription to this offer', { timeout: 1000 });
  await b.goto(`index.html#/customers/${id}/subscriptions`);
  await expect(b.getByTestId('subscriptions-table').getByText('Microsoft Teams Essentials')).toHaveCount(1);
});

test('a tab closed right after a change loses nothing', async ({ page, context }) => {
  await open(page, '#/settings');
  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('form', { name: 'Add user' });
  await form.getByLabel('Name').fill('Closed At Once');
  await form.getByLabel('E-mail').fill('closed.at.once@contoso-partners.com');
  await form.getByLabel('Sales agent').check();
  await form.getByRole('button', { name: 'Save' }).click();
  // No wait for any save: the page goes at once, without its pagehide handlers.
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await open(again, '#/settings');
  await expect(again.getByTestId('users-table')).toContainText('Closed At Once');
});

/** Values that are not what the app saves; each must cost nothing readable. */
const corpus = {
  garbage: { state: '\u0001\u0002 not a saved state', stateKept: false },
  truncated: { truncate: true, stateKept: false },
  'flipped bit': { flip: true, stateKept: false },
  'wrong shape': { state: '{"version":3,"epoch":"x","folded":{},"state":{"partner":1}}', stateKept: false },
  'unknown language in the session': { session: '{"user":"U-0001","locale":"Klingon"}', stateKept: true },
  'newer format': { state: '{"version":9,"state":"from a later build"}', stateKept: false },
  'good state, bad session': { session: '{"user":', stateKept: true },
  'bad state, good session': { state: '{"version":3,"epoch":"x","folded":{},"state":"AAAA"}', stateKept: false, sessionKept: true },
};

for (const [name, c] of Object.entries(corpus)) {
  test(`corruption corpus: ${name}`, async ({ page }) => {
    await open(page, '#/settings');
    await addUser(page, { name: 'Readable Person', email: 'readable.person@contoso-partners.com', role: 'Sales agent' });
    await setLanguage(page, 'fr');
    const file = await (async () => {
      await setLanguage(page, 'en');
      const f = await downloadBackup(page);
      await setLanguage(page, 'fr');
      return f;
    })();
    // Fold the journal so the snapshot holds everything, then damage what the case says.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.evaluate(({ key, c }) => {
      const good = localStorage.getItem(key);
      if (c.state !== undefined) localStorage.setItem(key, c.state);
      if (c.truncate) localStorage.setItem(key, good.slice(0, good.length / 2));
      if (c.flip) {
        const i = good.length - 40;
        localStorage.setItem(key, good.slice(0, i) + String.fromCharCode(good.charCodeAt(i) ^ 1) + good.slice(i + 1));
      }
      if (c.session !== undefined) localStorage.setItem(`${key}.session`, c.session);
    }, { key: KEY, c });
    await page.reload();
    const notice = page.getByTestId('notice').first();
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('link')).toHaveAttribute('href', '#/settings/data');
    await page.goto('index.html#/settings/data');
    const rows = page.getByTestId('backup-row');
    await expect(rows.first()).toBeVisible();
    const backups = await rows.count();
    // Each distinct bad value is backed up once, however many reloads.
    await page.reload();
    await page.goto('index.html#/settings/data');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBe(backups);
    await page.goto('index.html#/settings');
    if (c.stateKept) await expect(page.getByTestId('users-table')).toContainText('Readable Person');
    else await expect(page.getByTestId('users-table')).not.toContainText('Readable Person');
    // Restore from the file made before the damage gives everything back.
    await setLanguage(page, 'en');
    await restoreFile(page, JSON.stringify(file));
    await expect(page.getByTestId('restore-preview')).toContainText('Contoso Cloud Partners');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText('The backup was restored.')).toBeVisible();
    await page.reload();
    await page.goto('index.html#/settings');
    await expect(page.getByTestId('users-table')).toContainText('Readable Person');
  });
}

test('backup file: download, reset the demo data, restore: the identical state, and the previous one kept', async ({ page }) => {
  await open(page, '#/settings');
  await addUser(page, { name: 'Round Trip', email: 'round.trip@contoso-partners.com', role: 'Sales agent' });
  await clockStep(page, '+1 week');
  const before = await downloadBackup(page);
  expect(before.format).toBe('csp-marketplace-backup');
  expect(before.version).toBe(1);
  expect(before.state.users.map((u) => u.name)).toContain('Round Trip');
  await page.goto('index.html#/settings');
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByTestId('users-table')).not.toContainText('Round Trip');

  await restoreFile(page, JSON.stringify(before));
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toContainText('Contoso Cloud Partners');
  await expect(preview).toContainText(String(before.state.subscriptions ? Object.keys(before.state.subscriptions).length : 0));
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('The backup was restored.')).toBeVisible();
  // The state before the restore is a backup, restorable in turn.
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('Data before a restore');
  await page.reload();
  const after = await downloadBackup(page);
  expect(after.state).toEqual(before.state);
});

test('backup file: each bad file is refused with its own message, and nothing changes', async ({ page }) => {
  await open(page, '#/settings');
  const good = await downloadBackup(page);
  const goodText = JSON.stringify(good, null, 2);
  const edited = structuredClone(good);
  const order = Object.values(edited.state.orders)[0];
  order.lines[0].quantity += 5; // the line no longer sums to its total
  const cases = [
    ['{"hello": "world"}', 'This JSON file is not a CSP Marketplace backup.'],
    ['PK\u0003\u0004 spreadsheet', 'This is not a backup file: it is not JSON'],
    [goodText.slice(0, goodText.length / 3), 'The file is cut short'],
    [JSON.stringify({ ...good, version: 5 }), 'made by a newer version of the app (format 5)'],
    [JSON.stringify({ ...good, state: { ...good.state, clock: 'yesterday' } }), 'The backup’s data is not complete or not valid'],
    [JSON.stringify(edited), 'The backup’s data is inconsistent'],
  ];
  for (const [text, message] of cases) {
    await restoreFile(page, text);
    await expect(page.getByTestId('data-error')).toContainText(message);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expect(page.getByTestId('backups-empty')).toBeVisible();
  const after = await downloadBackup(page);
  expect(after.state).toEqual(good.state);
});

test('restore needs a role that may reset the partner’s data', async ({ page }) => {
  await open(page, '#/settings/data');
  await page.getByTestId('user-switcher').selectOption({ label: 'Sam Rivera — Sales agent' }, { force: true });
  await expect(page.getByLabel('Backup file')).toBeDisabled();
  await expect(page.getByText(/Restoring or deleting backups needs one of these roles/).first()).toBeVisible();
  // Downloading stays open to everyone.
  await expect(page.getByRole('button', { name: 'Download backup' })).toBeEnabled();
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });
  test('the Data page and a refused file read in French', async ({ page }) => {
    await page.goto('index.html#/settings/data');
    await expect(heading(page, 'Données et sauvegardes')).toBeVisible();
    await page.getByLabel('Fichier de sauvegarde').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect(page.getByTestId('data-error')).toHaveText('Ce fichier JSON n’est pas une sauvegarde de CSP Marketplace.');
  });
});
