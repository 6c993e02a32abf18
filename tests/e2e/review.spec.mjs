// Findings of the last review: the Subscriptions list's empty result offers Clear filters; the phone header keeps
// the brand whole (the cart link is an icon and its count); wide tables scroll inside their wrapper only.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

async function noSeriousAxe(page) {
  const { violations } = await new AxeBuilder({ page }).include('.cspm').analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const subsCases = [
  { lang: 'en', title: 'Subscriptions', none: 'No subscription matches these filters.', clear: 'Clear filters' },
  { lang: 'fr', title: 'Abonnements', none: 'Aucun abonnement ne correspond à ces filtres.', clear: 'Effacer les filtres' },
];

for (const c of subsCases) {
  test(`Subscriptions (${c.lang}): filters that keep nothing show the empty state, and Clear filters brings every row back`, async ({ page }) => {
    await open(page, '#/subscriptions');
    if (c.lang === 'fr') await setLanguage(page, 'fr');
    await expect(heading(page, c.title)).toBeVisible();
    const table = page.getByTestId('all-subscriptions-table');
    const all = await table.locator('tbody tr').count();
    expect(all).toBeGreaterThan(1);

    // The demo partner sells no partner (ISV) subscription: with a renewal window too, nothing matches.
    await page.getByTestId('filter-publisher').selectOption('partner');
    await page.getByTestId('filter-within').fill('30');
    const empty = page.getByTestId('empty-state');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(c.none);
    await expect(table).toHaveCount(0);
    await noSeriousAxe(page);

    await empty.getByRole('link', { name: c.clear }).click();
    await expect(table.locator('tbody tr')).toHaveCount(all);
    await expect(empty).toHaveCount(0);
    // Every filter reads "Any" again, and the typed window is gone with its URL parameter.
    await expect(page.getByTestId('filter-publisher')).toHaveValue('');
    await expect(page.getByTestId('filter-within')).toHaveValue('');
    await expect(page).not.toHaveURL(/publisher=|within=/);
  });
}

test('Subscriptions: the shared filter selects are worded in the language shown and filter by their slug', async ({ page }) => {
  await open(page, '#/subscriptions?status=suspended');
  await expect(page.getByTestId('filter-status')).toHaveValue('suspended');
  await setLanguage(page, 'fr');
  const status = page.getByTestId('filter-status');
  await expect(status.locator('option:checked')).toHaveText('Suspendu');
  await expect(status.locator('option').first()).toHaveText('Tous');
  await page.getByTestId('filter-customer').selectOption('C-0001');
  await expect(page).toHaveURL(/status=suspended/);
  await expect(page).toHaveURL(/customer=C-0001/);
});

for (const lang of ['en', 'fr']) {
  test(`on a 390 px phone (${lang}) the brand reads whole on a customer page; the cart is an icon, its count and its name`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '#/customers/C-0001/add');
    if (lang === 'fr') {
      await page.getByRole('button', { name: 'Menu' }).click();
      await setLanguage(page, 'fr');
      await page.keyboard.press('Escape');
    }
    const brand = page.locator('header .brand');
    await expect(brand).toHaveText('CSP Marketplace');
    // Not cut by an ellipsis: the text needs no more width than the box has.
    const fit = await brand.evaluate((el) => ({ need: el.scrollWidth, have: el.clientWidth }));
    expect(fit.need, 'the brand is not shortened').toBeLessThanOrEqual(fit.have);

    const name = lang === 'fr' ? 'Panier (0)' : 'Cart (0)';
    const cart = page.getByRole('link', { name, exact: true });
    await expect(cart).toBeVisible();
    const icon = await cart.locator('.cart-icon').boundingBox();
    expect(icon.width).toBeGreaterThan(10);
    await expect(cart).toHaveCSS('font-weight', '600');
    // The brand, the cart, the menu and the date sit side by side inside the screen.
    const boxes = [];
    for (const loc of [brand, cart, page.locator('.menu-button'), page.locator('.clock-button')]) boxes.push(await loc.boundingBox());
    boxes.sort((a, b) => a.x - b.x);
    for (let i = 0; i + 1 < boxes.length; i += 1) expect(boxes[i].x + boxes[i].width).toBeLessThanOrEqual(boxes[i + 1].x + 0.5);
    expect(boxes[boxes.length - 1].x + boxes[boxes.length - 1].width).toBeLessThanOrEqual(390);
    await noSeriousAxe(page);
  });
}

test('on a phone a wide table scrolls inside its wrapper, keeps its table layout, and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/subscriptions');
  const table = page.getByTestId('all-subscriptions-table');
  await expect(table).toBeVisible();
  expect(await table.evaluate((t) => getComputedStyle(t).display)).toBe('table');
  const wrap = page.locator('.table-scroll').filter({ has: table });
  const sizes = await wrap.evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  expect(sizes.scroll, 'the table is wider than the phone').toBeGreaterThan(sizes.client);
  const before = (await table.boundingBox()).x;
  await wrap.evaluate((w) => { w.scrollLeft = 120; });
  expect((await table.boundingBox()).x).toBeLessThan(before - 100);
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.client);
});

test('the two header disclosures (Menu, simulated date) share one behaviour: own ids, Escape from inside returns the focus', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/customers');
  const menu = page.locator('.menu-button');
  const clock = page.locator('.clock-button');
  const ids = [await menu.getAttribute('aria-controls'), await clock.getAttribute('aria-controls')];
  expect(ids[0]).not.toEqual(ids[1]);
  for (const id of ids) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  for (const [button, inside] of [[menu, page.getByTestId('language-switch')], [clock, page.getByTestId('move-date')]]) {
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
    await expect(panel).toBeVisible();
    await inside.focus();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(button).toBeFocused();
  }
});
