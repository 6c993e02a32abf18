// The shell's layout and keyboard behaviour (issue 16): a one-row header at 1280 px and wider, a compact bar
// with a Menu disclosure on a phone, the simulated date always visible, the skip link, focus on the page's
// heading after each route change, and dialogs that trap and return the focus.
import { test, expect, open, heading, openClock } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const WIDE = [1280, 1366];
const PHONE = { width: 390, height: 844 };
const box = (locator) => locator.evaluate((e) => e.getBoundingClientRect().toJSON());
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName, text: e.textContent.trim(), testid: e.dataset.testid ?? null };
  });

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

for (const width of WIDE) {
  test(`at ${width} px the header is one row of at most 64 px, in English and French`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    // A customer page: the header has everything (navigation, cart, user, date, language).
    await open(page, '#/customers/C-0001');
    for (const lang of ['en', 'fr']) {
      await setLanguage(page, lang);
      const header = await box(page.locator('header.cspm-header'));
      expect(header.height).toBeLessThanOrEqual(64);
      // One row: every item's vertical centre is within the bar's, none wraps below another.
      const items = page.locator('header .brand, header .cspm-nav a, header select, header .cart-link, header .clock-button');
      for (const b of await items.evaluateAll((es) => es.map((e) => e.getBoundingClientRect().toJSON()))) {
        expect(b.top).toBeGreaterThanOrEqual(header.top);
        expect(b.bottom).toBeLessThanOrEqual(header.bottom);
        expect(b.right).toBeLessThanOrEqual(width);
      }
      await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
      await expect(page.getByTestId('simulated-date')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
}

test('the simulated date is visible on every page, wide and on a phone', async ({ page }) => {
  const routes = ['#/customers', '#/customers/C-0001', '#/customers/C-0001/add', '#/billing', '#/settings', '#/settings/data', '#/nowhere'];
  for (const size of [{ width: 1366, height: 800 }, PHONE]) {
    await page.setViewportSize(size);
    for (const route of routes) {
      await open(page, route);
      const date = page.getByTestId('simulated-date');
      await expect(date).toBeVisible();
      const b = await box(date);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(64);
      expect(b.right).toBeLessThanOrEqual(size.width);
    }
  }
});

test('the simulated-date panel opens under the date, moves it, and Escape closes it', async ({ page }) => {
  await open(page, '#/customers');
  const toggle = page.getByRole('button', { name: /^Simulated date: / });
  const before = await page.getByTestId('simulated-date').textContent();
  await expect(page.getByRole('button', { name: '+1 day' })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: '+1 day' }).click();
  await expect(page.getByTestId('simulated-date')).not.toHaveText(before);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '+1 week' })).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('on a phone: a compact bar; the Menu discloses navigation, user and language, Escape closes it', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, '#/customers/C-0001');
  const header = await box(page.locator('header.cspm-header'));
  expect(header.height).toBeLessThanOrEqual(56);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'Billing' })).toBeHidden();
  await expect(page.getByTestId('user-switcher')).toBeHidden();

  // Keyboard: open with Enter, the panel follows the button, Escape closes and the focus stays on the button.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`#${await menu.getAttribute('aria-controls')}`);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Billing' })).toBeVisible();
  await expect(panel.getByTestId('user-switcher')).toBeVisible();
  await expect(panel.getByTestId('language-switch')).toBeVisible();
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Customers');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(menu).toBeFocused();

  // A link in the menu navigates, the menu closes and the focus is on the new page's heading.
  await menu.click();
  await panel.getByRole('link', { name: 'Billing' }).click();
  await expect(heading(page, 'Billing')).toBeFocused();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('simulated-date')).toBeVisible();

  // The language changes from the menu.
  await menu.click();
  await panel.getByTestId('language-switch').selectOption('fr', { force: true });
  await expect(heading(page, 'Facturation')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();

  // The date panel fits the phone.
  await openClock(page);
  const clockPanel = await box(page.locator('.clock-panel'));
  expect(clockPanel.left).toBeGreaterThanOrEqual(0);
  expect(clockPanel.right).toBeLessThanOrEqual(PHONE.width);
});

test('the skip link is the first tab stop, visible when focused, and moves to the main heading', async ({ page }) => {
  await open(page, '#/billing');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  expect((await box(skip)).bottom).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  const b = await box(skip);
  expect(b.top).toBeGreaterThanOrEqual(0);
  expect(b.height).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Billing')).toBeFocused();
  await expect(page).toHaveURL(/#\/billing$/);
  // The next Tab goes on into the page, not back to the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('main'))).toBe(true);
});

test('after every route change the focus is on the new page heading, not on <body>', async ({ page }) => {
  await open(page, '#/customers');
  await page.getByRole('link', { name: 'Contoso Ltd' }).click();
  await expect(heading(page, 'Contoso Ltd')).toBeFocused();
  await page.getByRole('link', { name: 'Add products' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(heading(page, 'Settings')).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect((await focused(page)).tag).toBe('H1');
  // Typing in the Customers search is not a route change for the focus: it stays in the field.
  await page.getByRole('link', { name: 'Customers' }).click();
  const search = page.getByRole('searchbox', { name: 'Search by company name or domain' });
  await search.click();
  await page.keyboard.type('con');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('con');
});

test('a dialog traps the focus, Escape closes it and the focus returns to its opener', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await page.getByTestId('user-switcher').selectOption({ label: 'Alex Martin — Admin agent' }, { force: true });
  const ws = page.getByRole('region', { name: 'Windows Server 2022 Standard - 2 Core License Pack (perpetual)' });
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  const opener = ws.getByRole('button', { name: 'Get key', exact: true });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Product key' });
  await expect(dialog).toBeVisible();
  // Tab and Shift+Tab cycle inside the dialog, whatever the number of presses.
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Closed with its own button, the same.
  await opener.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a keyboard-only purchase (customers → customer → Add products → Add to cart → Review → Buy) takes ≤ 30 key presses', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await open(page, '#/customers');
  let presses = 0;
  const press = async (key) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const active = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      return { tag: e.tagName, type: e.type ?? '', text: (e.textContent ?? '').trim(), inMain: !!e.closest('main') };
    });
  // Tab until the focused element matches (each press counted; at most `max` before failing).
  const tabTo = async (what, matches, max = 12) => {
    for (let i = 0; i < max; i += 1) {
      await press('Tab');
      if (matches(await active())) return;
    }
    throw new Error(`${what}: not reached in ${max} Tab presses (focus on ${JSON.stringify(await active())})`);
  };

  // The skip link is the first tab stop; it lands on the heading, so the page's own controls come next.
  await tabTo('skip link', (a) => a.text === 'Skip to main content', 1);
  await press('Enter');
  await expect(heading(page, 'Customers')).toBeFocused();
  await tabTo('Contoso Ltd', (a) => a.tag === 'A' && a.text === 'Contoso Ltd');
  await press('Enter');
  await expect(heading(page, 'Contoso Ltd')).toBeFocused();
  await tabTo('Add subscription', (a) => a.text === 'Add subscription', 3);
  await press('Enter');
  // Add products: the heading, then the search box; Enter in it goes to the first offer.
  await expect(heading(page, 'Add products for Contoso Ltd')).toBeFocused();
  await tabTo('search', (a) => a.type === 'search', 1);
  await press('Enter');
  const first = await active();
  expect(first.inMain).toBe(true);
  // Enter in the offer's quantity field adds it (the form's submit), the Review link is the next stop after Add.
  expect(first.type).toBe('number');
  await press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'added to the cart' })).toBeVisible();
  await tabTo('Review', (a) => a.tag === 'A' && a.text === 'Review', 4);
  await press('Enter');
  await expect(heading(page, 'Review the order for Contoso Ltd')).toBeFocused();
  await tabTo('Buy', (a) => a.tag === 'BUTTON' && a.text === 'Buy', 4);
  await press('Enter');
  await expect(heading(page, 'Order confirmation')).toBeVisible();
  await expect(heading(page, 'Order confirmation')).toBeFocused();
  expect(presses).toBeLessThanOrEqual(30);
  console.log(`keyboard-only purchase: ${presses} key presses`);
});

test('the header controls never draw over each other at 1280 and 1366 px, in French', async ({ page }) => {
  for (const width of [1280, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '#/customers/C-0001/add');
    await setLanguage(page, 'fr');
    await expect(page.getByTestId('cart-link')).toContainText('Panier');
    const boxes = [];
    for (const id of ['user-switcher', 'language-switch', 'cart-link']) {
      boxes.push({ id, box: await page.getByTestId(id).boundingBox() });
    }
    boxes.push({ id: 'clock', box: await page.locator('.clock-button').boundingBox() });
    for (let i = 0; i + 1 < boxes.length; i += 1) {
      const [a, b] = [boxes[i], boxes[i + 1]];
      expect(a.box.x + a.box.width, `${a.id} ends before ${b.id} starts at ${width} px`).toBeLessThanOrEqual(b.box.x);
    }
  }
});
