// The shell on the release build: load under the strict CSP, navigate by URL and by links, reload keeps
// the page and the state, back and forward.
import { test, expect, open, heading, storedText, addUser, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';
import { readFile } from 'node:fs/promises';

test('loads under the strict Content-Security-Policy without a violation', async ({ page }) => {
  const response = await page.goto('index.html');
  expect(response.headers()['content-security-policy']).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  );
  await expect(heading(page, 'Customers')).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  expect(page.problems).toEqual([]);
});

test('index.html preloads the wasm and boot.js uses that download (one request, not two), no chunk twice', async ({ page }) => {
  // The first-load module (it holds the Customers page) requested once, through the preload; the chunks the
  // loader fetches (the engine's on a first start, the linked pages' after the first render) once each too.
  const wasm = [];
  page.on('request', (r) => new URL(r.url()).pathname.endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await open(page);
  await expect(page.locator('link[rel="preload"][as="fetch"][href^="./csp-marketplace-"][href$="_bg.wasm"]')).toHaveCount(1);
  await expect(page.locator('link[rel="modulepreload"][href$=".js"]')).toHaveCount(1);
  await expect(page.getByTestId('customers-table')).toBeVisible();
  expect(wasm.filter((p) => /\/csp-marketplace-[0-9a-f]{16}_bg\.wasm$/.test(p))).toHaveLength(1);
  expect(wasm.filter((p) => /\/split_customers-/.test(p)), 'no Customers chunk: the page is in the main module').toHaveLength(0);
  expect(wasm.length, 'no file fetched twice').toBe(new Set(wasm).size);
});

test('while the app downloads, the page shows its shape; the app replaces it', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('index.html');
  const shape = page.locator('.cspm-boot');
  await expect(shape).toBeVisible();
  await expect(shape).toHaveAttribute('aria-hidden', 'true');
  await expect(shape).toHaveText('');
  await expect(page.getByTestId('customers-table')).toHaveCount(0);
  release();
  await expect(page.getByTestId('customers-table')).toBeVisible();
  await expect(shape).toHaveCount(0);
  expect(page.problems).toEqual([]);
});

test('if the app cannot start, the page shape stops pulsing', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto('index.html');
  await expect(page.locator('.cspm-boot.cspm-boot-failed')).toBeVisible();
  const animation = await page.locator('.cspm-boot-main span').first().evaluate((el) => getComputedStyle(el).animationName);
  expect(animation).toBe('none');
});

test('navigates by URL and by links', async ({ page }) => {
  await open(page, '#/settings');
  await expect(heading(page, 'Settings')).toBeVisible();
  await page.getByRole('link', { name: 'Billing' }).click();
  await expect(page).toHaveURL(/#\/billing$/);
  await expect(heading(page, 'Billing')).toBeVisible();
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(heading(page, 'Activity log')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Activity log' })).toHaveAttribute('aria-current', 'page');
  await page.goto('index.html#/no/such/page');
  await expect(heading(page, 'Page not found')).toBeVisible();
});

test('reload keeps the page, the signed-in user, the language and the simulated date', async ({ page }) => {
  await open(page, '#/settings');
  const date = page.getByTestId('simulated-date');
  const before = await date.textContent();
  await clockStep(page, '+1 week');
  await expect(date).not.toHaveText(before);
  const moved = await date.textContent();
  await page.getByTestId('user-switcher').selectOption({ label: 'Sam Rivera — Sales agent' }, { force: true });
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Paramètres')).toBeVisible();

  await page.reload();
  await expect(heading(page, 'Paramètres')).toBeVisible();
  await expect(page.getByTestId('user-switcher')).toHaveValue('U-0002');
  await expect(page.getByTestId('language-switch')).toHaveValue('fr');
  await expect(page.getByTestId('simulated-date')).not.toHaveText(before);
  // French formatting of the same date.
  expect(moved).not.toEqual(await page.getByTestId('simulated-date').textContent());
});

test('back and forward follow the history', async ({ page }) => {
  await open(page, '#/customers');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(heading(page, 'Settings')).toBeVisible();
  await page.getByRole('link', { name: 'Billing' }).click();
  await expect(heading(page, 'Billing')).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'Settings')).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'Customers')).toBeVisible();
  await page.goForward();
  await expect(heading(page, 'Settings')).toBeVisible();
});

test('settings: add a user, see every refusal, and keep the last Global admin', async ({ page }) => {
  await open(page, '#/settings');
  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('form', { name: 'Add user' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Name: this field is required.')).toBeVisible();
  await expect(form.getByText('E-mail: this field is required.')).toBeVisible();
  await expect(form.getByText('Roles: this field is required.')).toBeVisible();
  await form.getByLabel('Name').fill('Ana Souza');
  await form.getByLabel('E-mail').fill('ana.souza@contoso-partners.com');
  await form.getByLabel('Admin agent').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Ana Souza was saved.')).toBeVisible();
  await expect(page.getByTestId('users-table')).toContainText('ana.souza@contoso-partners.com');

  const admin = page.getByRole('row', { name: /Morgan Blake/ });
  await admin.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('The partner must keep at least one Global admin.')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('users-table')).toContainText('Ana Souza');
});

test('a change followed at once by a reload is kept', async ({ page }) => {
  await open(page, '#/settings');
  await addUser(page, { name: 'Kept On Reload', email: 'kept.on.reload@contoso-partners.com', role: 'Sales agent' });
  // Each accepted change is journaled at once; leaving the page folds the journal into the snapshot.
  await page.reload();
  await expect(page.getByTestId('users-table')).toContainText('Kept On Reload');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('csp-marketplace')));
  expect(stored.version).toBe(3);
  expect(await storedText(page, 'csp-marketplace')).toContain('Kept On Reload');
});

test('unreadable saved data is kept under a backup key with a notice', async ({ page }) => {
  await open(page, '#/customers');
  await page.evaluate(() => localStorage.setItem('csp-marketplace', '{"version": 1, "state": "damaged"'));
  await page.reload();
  await expect(page.getByTestId('notice')).toContainText('csp-marketplace.backup.');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('csp-marketplace.backup.'))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
  expect(backups.map((b) => b.value)).toEqual(['{"version": 1, "state": "damaged"']);
  await expect(heading(page, 'Customers')).toBeVisible();
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('data saved by a newer version is kept, and the notice says why in the user’s language', async ({ page }) => {
    await page.goto('index.html#/customers');
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    const newer = '{"version":9,"session":{},"state":"from a later build"}';
    await page.evaluate((v) => localStorage.setItem('csp-marketplace', v), newer);
    await page.reload();
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('enregistrées par une version plus récente de l’application, format 9');
    await expect(notice).toContainText(/«\scsp-marketplace\.backup\.[0-9a-f]{16}\s»/);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('csp-marketplace.backup.'))
        .map((k) => JSON.parse(localStorage.getItem(k)).value),
    );
    expect(kept).toEqual([newer]);
  });
});

test('a full storage quota is named in the save-failed notice, the change stays on the page, and the notice offers the backup file', async ({ page }) => {
  await open(page, '#/settings');
  // From now on every write fails the way a full localStorage does.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
    };
  });
  await addUser(page, { name: 'Not Saved Yet', email: 'not.saved.yet@contoso-partners.com', role: 'Sales agent' });
  await expect(page.getByTestId('notice')).toContainText(
    'Your last change could not be saved (the browser’s storage for this site is full).',
  );
  await expect(page.getByTestId('users-table')).toContainText('Not Saved Yet');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('notice').getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.state.users.map((u) => u.name)).toContain('Not Saved Yet');
});
