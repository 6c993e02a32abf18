// CDN hosting and embedding (release build): path prefixes, deep links without rewrite rules, the module
// embed in the sample intranet page, iframes, offline reload, and no request to another origin.
import { test, expect, open, heading, storedText, addUser } from './fixtures.mjs';
import { PORT, OTHER_PORT } from './playwright.config.mjs';

const APP = `http://127.0.0.1:${PORT}/`;
const PREFIX = `${APP}tools/marketplace/2.1.0/`;

test('the same build works under a path prefix, and a deep link reloads without a rewrite rule', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${PREFIX}index.html#/customers/C-0001/orders`);
  await expect(heading(page, 'Contoso Ltd')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Order history' })).toHaveAttribute('aria-current', 'page');
  await page.reload();
  await expect(heading(page, 'Contoso Ltd')).toBeVisible();
  const own = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(own.length).toBeGreaterThan(3);
  for (const url of own) expect(url.startsWith(PREFIX), url).toBe(true);
  // The root copy of the same files still works.
  await page.goto(`${APP}index.html#/settings`);
  await expect(heading(page, 'Settings')).toBeVisible();
});

test('a full purchase flow requests nothing from another origin', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(APP) && !url.startsWith('blob:')) foreign.push(url);
  });
  await open(page, '#/customers/C-0004/add?q=Power%20BI%20Pro');
  const offer = page.getByRole('listitem', { name: 'Power BI Pro', exact: true });
  await offer.getByLabel('Licenses').fill('2');
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
  await page.getByRole('link', { name: 'Activity log' }).click();
  await expect(page.getByTestId('activity-table')).toContainText('Order placed');
  expect(foreign).toEqual([]);
});

test('offline: after one visit the app reloads and works with the network cut', async ({ page, context }) => {
  await open(page, '#/customers');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    // Wait until the worker controls the page.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return reg.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page, 'Customers')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(heading(page, 'Settings')).toBeVisible();
  await page.goto(`${APP}index.html#/customers/C-0002`);
  await expect(heading(page, 'Fabrikam France SARL')).toBeVisible();
  await context.setOffline(false);
});

test.describe('embedded in the sample intranet page', () => {
  const INTRANET = `${APP}intranet/index.html?embed=module`;

  test('the app works inside its element and leaves the host page alone', async ({ page }) => {
    await page.goto(`${APP}intranet/index.html`);
    const a = page.locator('#marketplace-a');
    await expect(a.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await expect(a.locator('.partner-label')).toHaveText('Contoso IT');
    // The host's document: title, <html> and <head> untouched.
    expect(await page.title()).toBe('Contoso Intranet — Cloud desk');
    expect(await page.evaluate(() => document.documentElement.getAttribute('lang'))).toBe('en');
    const head = await page.evaluate(() => document.head.innerHTML);

    // Add a customer and buy something, all inside instance A; the host URL does not change.
    const url = page.url();
    await a.getByRole('link', { name: 'Add customer' }).click();
    const form = a.getByRole('form', { name: 'Add customer' });
    await form.getByLabel('Company name').fill('Margie’s Travel');
    await form.getByLabel('Primary domain').fill('margiestravel');
    await form.getByLabel('Billing country').selectOption('US');
    await form.getByLabel('Segment').selectOption({ label: 'Commercial' });
    await form.getByLabel('Account opened').fill('2026-01-05');
    await form.getByLabel('First billing period').fill('2026-01-20');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(a.getByRole('heading', { name: 'Margie’s Travel' })).toBeVisible();
    await a.getByRole('link', { name: 'Add subscription' }).click();
    const offer = a.getByRole('listitem', { name: 'Office 365 E1', exact: true });
    await offer.getByLabel('Licenses').fill('4');
    await offer.getByRole('button', { name: 'Add to cart' }).click();
    await a.getByTestId('cart-link').click();
    await a.getByRole('link', { name: 'Review' }).click();
    await a.getByRole('button', { name: 'Buy' }).click();
    await expect(a.getByRole('heading', { name: 'Order confirmation' })).toBeVisible();
    expect(page.url()).toBe(url);
    expect(await page.title()).toBe('Contoso Intranet — Cloud desk');
    expect(await page.evaluate(() => document.head.innerHTML)).toBe(head);

    // Host styles did not change, and did not leak into the app.
    const hostButton = await page.locator('#host-button').evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(hostButton).toBe('rgb(255, 105, 180)');
    const appButton = await a.getByRole('button', { name: 'Buy' }).or(a.locator('button').first()).first().evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(appButton).not.toBe('rgb(255, 105, 180)');
    const appFont = await a.locator('.cspm').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(appFont).not.toContain('Georgia');

    // Host links and buttons keep working.
    await page.locator('#host-button').click();
    await expect(page.locator('#host-button')).toHaveText('Host button clicked');
    await page.locator('#link-news').click();
    await expect(page).toHaveURL(/#news$/);
    await expect(a.getByRole('heading', { name: 'Order confirmation' })).toBeVisible();
    await page.goBack();
    expect(page.url()).toBe(url);
    await page.locator('#link-other').click();
    await expect(page).toHaveTitle('Contoso Intranet — HR portal');
  });

  test('two instances keep separate data; unmount removes everything', async ({ page }) => {
    await page.goto(INTRANET);
    const a = page.locator('#marketplace-a');
    const b = page.locator('#marketplace-b');
    await expect(b.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
    await expect(a.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    // A change in A (a new partner user) is not seen in B.
    await a.getByRole('link', { name: 'Settings' }).click();
    await addUser(a, { name: 'Only In A', email: 'only.a@contoso.com', role: 'Sales agent' });
    await b.getByRole('link', { name: 'Paramètres' }).click();
    await expect(b.getByTestId('users-table')).not.toContainText('Only In A');
    // Saving is debounced: wait for it, then read the compact value in the page.
    await expect.poll(() => storedText(page, 'csp-marketplace:team-a')).toContain('Only In A');
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toEqual(expect.arrayContaining(['csp-marketplace:team-a']));
    expect((await storedText(page, 'csp-marketplace:team-b')) ?? '').not.toContain('Only In A');

    await page.locator('#unmount-a').click();
    await expect(a).toBeEmpty();
    expect(await a.evaluate((el) => el.childElementCount)).toBe(0);
    await expect(b.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
    // Mounting again restores A's saved data.
    await page.locator('#mount-a').click();
    await a.getByRole('link', { name: 'Settings' }).click();
    await expect(a.getByTestId('users-table')).toContainText('Only In A');
  });

  test('a change made just before unmount is saved at once', async ({ page }) => {
    await page.goto(INTRANET);
    const a = page.locator('#marketplace-a');
    await a.getByRole('link', { name: 'Settings' }).click();
    await addUser(a, { name: 'Saved On Unmount', email: 'unmount@contoso.com', role: 'Sales agent' });
    // Within the save delay: unmounting makes the waiting save (a timer firing later would find the
    // instance gone and save nothing).
    await page.locator('#unmount-a').click();
    expect(await storedText(page, 'csp-marketplace:team-a')).toContain('Saved On Unmount');
  });

  test('a cross-origin iframe works and reports its height', async ({ page }) => {
    await page.goto(`http://localhost:${OTHER_PORT}/index.html?embed=none&app=${encodeURIComponent(APP)}`);
    const frame = page.frameLocator('#marketplace-frame');
    await expect(frame.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    await expect(page.locator('#marketplace-frame')).toHaveAttribute('data-reported-height', /^\d+$/);
    const reported = Number(await page.locator('#marketplace-frame').getAttribute('data-reported-height'));
    expect(reported).toBeGreaterThan(300);
    await frame.getByRole('link', { name: 'Settings' }).click();
    await expect(frame.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  });

  test('a cross-origin iframe with storage blocked shows the notice and works in memory', async ({ page }) => {
    await page.goto(`http://localhost:${OTHER_PORT}/index.html?embed=none&sandbox=1&app=${encodeURIComponent(APP)}`);
    const frame = page.frameLocator('#marketplace-frame');
    await expect(frame.getByTestId('notice')).toContainText('blocks local storage');
    await frame.getByRole('link', { name: 'Settings' }).click();
    await addUser(frame, { name: 'Memory User', email: 'memory.user@contoso.com', role: 'Admin agent' });
  });
});

// The service worker's cache would answer the held-back request: without it, only the page's own requests.
test.describe('embedded, without the service worker', () => {
  test.use({ serviceWorkers: 'block' });
  const INTRANET = `${APP}intranet/index.html?embed=module`;

  test('a saved book shows its first page without the engine, each instance its own', async ({ page }) => {
    await page.goto(INTRANET);
    const a = page.locator('#marketplace-a');
    const b = page.locator('#marketplace-b');
    await expect(a.locator('main tbody tr').first()).toBeVisible();
    await expect(b.locator('main tbody tr').first()).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    // Each namespace holds its own book (built at its own first start): an instance given the other's book, or
    // none, would open the full way, with the engine, before its rows.
    const stored = (key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).state, key);
    expect(await stored('csp-marketplace:team-a')).not.toEqual(await stored('csp-marketplace:team-b'));
    // The next visit with the engine's code held back: both first pages still show.
    await page.route(/split_engine-[0-9a-f]+\.wasm$/, () => {});
    await page.reload();
    await expect(a.locator('main tbody tr').first()).toBeVisible();
    await expect(b.locator('main tbody tr').first()).toBeVisible();
    await expect(b.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  });
});
