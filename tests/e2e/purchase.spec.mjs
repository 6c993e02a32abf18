// Customers, catalog, eligibility, cart, Review, Buy and order history on the release build.
import { test, expect, open, heading } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

test('add a customer: every invalid field is explained, nothing saved until all are valid', async ({ page }) => {
  await open(page, '#/customers');
  await page.getByRole('link', { name: 'Add customer' }).click();
  const form = page.getByRole('form', { name: 'Add customer' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Nothing was saved. Fix the fields below.')).toBeVisible();
  await expect(form.getByText('Company name: this field is required.')).toBeVisible();
  await expect(form.getByText('Primary domain: this field is required.')).toBeVisible();
  await expect(form.getByText('Segment: this field is required.')).toBeVisible();

  await form.getByLabel('Company name').fill('Alpine Ski House');
  await form.getByLabel('Primary domain').fill('contosoltd'); // taken by a demo customer
  await form.getByLabel('Billing country').selectOption('CH');
  await form.getByLabel('Segment').selectOption({ label: 'Commercial' });
  await form.getByLabel('Account opened').fill('2026-03-01');
  await form.getByLabel('First billing period').fill('2026-02-01');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Primary domain: this value is already used.')).toBeVisible();
  await expect(form.getByText(/First billing period: must be on or after/)).toBeVisible();

  await form.getByLabel('Primary domain').fill('alpineskihouse');
  await form.getByLabel('First billing period').fill('2026-03-15');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, 'Alpine Ski House')).toBeVisible();
  await expect(page.getByTestId('account-facts')).toContainText('alpineskihouse.onmicrosoft.com');

  await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
  await page.getByRole('searchbox', { name: 'Search by company name or domain' }).fill('alpine');
  await expect(page.getByTestId('customers-table').getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(/q=alpine/);
});

test('the customer list sets case and accents aside: search and sort, in English and French', async ({ page }) => {
  // The fold the list should follow (the browser's own Unicode data), and the column as shown.
  const fold = (t) => t.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const column = (n) => page.getByTestId('customers-table').locator(`tbody tr td:nth-child(${n})`).allTextContents();
  const inFoldOrder = (xs) => xs.every((x, i) => i === 0 || fold(xs[i - 1]) <= fold(x));
  await open(page, '#/customers');
  await page.getByRole('link', { name: 'Add customer' }).click();
  const form = page.getByRole('form', { name: 'Add customer' });
  await form.getByLabel('Company name').fill('École Horizon');
  await form.getByLabel('Primary domain').fill('ecolehorizon');
  await form.getByLabel('Billing country').selectOption('FR');
  await form.getByLabel('Segment').selectOption({ label: 'Commercial' });
  await form.getByLabel('Account opened').fill('2026-03-01');
  await form.getByLabel('First billing period').fill('2026-03-15');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page, 'École Horizon')).toBeVisible();
  await page.getByRole('link', { name: 'Customers', exact: true }).first().click();

  // By name (the default): École among the E's, not after "Woodgrove" as by code point.
  await expect(page.getByTestId('customers-table')).toContainText('École Horizon');
  const names = await column(1);
  expect(inFoldOrder(names), names.join(' | ')).toBe(true);
  expect(names.indexOf('École Horizon')).toBeLessThan(names.length - 1);
  const search = page.getByRole('searchbox', { name: 'Search by company name or domain' });
  for (const text of ['ecole', 'ÉCOLE', 'Horizon']) {
    await search.fill(text);
    await expect(page.getByTestId('customers-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('customers-table').locator('tbody tr')).toContainText('École Horizon');
  }
  await search.fill('');

  // In French, by country: "États-Unis" among the E's.
  await setLanguage(page, 'fr');
  await page.getByRole('button', { name: 'Trier par Pays' }).click();
  await expect(page.getByTestId('customers-table').locator('tbody tr').first()).toContainText('Allemagne');
  const countries = await column(3);
  expect(countries).toContain('États-Unis');
  expect(inFoldOrder(countries), countries.join(' | ')).toBe(true);
  expect(countries.lastIndexOf('États-Unis')).toBeLessThan(countries.length - 1);
});

test('catalog filters combine, live in the URL and clear; refusal reasons are shown', async ({ page }) => {
  await open(page, '#/customers/C-0001');
  await page.getByRole('link', { name: 'Add subscription' }).click();
  await expect(heading(page, 'Add products for Contoso Ltd')).toBeVisible();
  await page.getByLabel('Publisher').selectOption({ label: 'Microsoft' });
  await page.getByLabel('Category').selectOption({ label: 'Small business' });
  await expect(page).toHaveURL(/publisher=microsoft/);
  await expect(page).toHaveURL(/category=smallbusiness/);
  const offers = page.getByTestId('offers').locator('li.offer');
  await expect(offers.first()).toBeVisible();
  for (const text of await offers.locator('.meta').allTextContents()) {
    expect(text).toContain('Microsoft');
    expect(text).toContain('Small business');
  }
  // One per customer, already held.
  const teams = page.getByRole('listitem', { name: 'Microsoft Teams Essentials' });
  await expect(teams).toContainText('already has the maximum of 1 subscription to this offer');
  await page.reload();
  await expect(page.getByLabel('Category')).toHaveValue('1');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/publisher=/);
  // A suspended subscription: reactivate it instead, with a link to it.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('Office 365 E3');
  const e3 = page.getByRole('listitem', { name: 'Office 365 E3', exact: true });
  await expect(e3).toContainText('suspended subscription to this offer: reactivate it instead');
  await expect(e3.getByRole('link', { name: /Open / })).toBeVisible();
});

test('reservations are refused in an unavailable market', async ({ page }) => {
  await open(page, '#/customers/C-0008/add?tab=azure');
  await expect(page.getByRole('listitem', { name: /Standard_D2s_v3/ })).toContainText(
    'Azure reservations aren’t sold in the customer’s market',
  );
});

test('cart: fix an invalid quantity, Review, Buy once, see the order and subscription after reload', async ({ page }) => {
  await open(page, '#/customers/C-0002/add?q=Exchange%20Online%20(Plan%201)');
  const exchange = page.getByRole('listitem', { name: 'Exchange Online (Plan 1)', exact: true });
  await exchange.getByLabel('Licenses').fill('1');
  await exchange.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Exchange Online (Plan 1) was added to the cart.')).toBeVisible();
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (1)');

  await page.getByTestId('cart-link').click();
  const row = page.getByTestId('cart-table').getByRole('row', { name: /Exchange Online/ });
  const zero = page.getByRole('spinbutton', { name: /Quantity — Exchange Online/ });
  await zero.fill('0');
  await zero.press('Tab');
  await expect(row).toContainText('Enter at least 1 license.');
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: 'Buy' })).toBeDisabled();
  await expect(page.getByText('Fix the lines marked below to buy.')).toBeVisible();

  await page.getByRole('link', { name: 'Back to the cart' }).click();
  const qty = page.getByRole('spinbutton', { name: /Quantity — Exchange Online/ });
  await qty.fill('12');
  await qty.press('Tab');
  await expect(page.getByTestId('cart-table')).not.toContainText('Enter at least');
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('tax-note')).toHaveText('Prices exclude tax.');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
  const numbers = await page.getByTestId('order-numbers').textContent();
  expect(numbers).toMatch(/Order numbers: \d+/);
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (0)');

  await page.reload();
  await expect(page.getByTestId('order-numbers')).toHaveText(numbers);
  await page.getByRole('link', { name: 'Order history' }).click();
  await expect(page.getByTestId('orders-table')).toContainText('12 × Exchange Online (Plan 1)');
  await page.getByRole('navigation', { name: 'Customer sections' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page.getByTestId('subscriptions-table')).toContainText('Exchange Online (Plan 1)');
});

test('the same purchase flow in French, with prices including tax in Australia', async ({ page }) => {
  await open(page, '#/customers/C-0005/add?q=Power%20BI%20Pro');
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Ajouter des produits pour Wingtip Toys Australia')).toBeVisible();
  const pbi = page.getByRole('listitem', { name: 'Power BI Pro', exact: true });
  await pbi.getByLabel('Licences').fill('3');
  await pbi.getByRole('button', { name: 'Ajouter au panier' }).click();
  await expect(page.getByText('Power BI Pro a été ajouté au panier.')).toBeVisible();
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Vérifier' }).click();
  await expect(page.getByTestId('tax-note')).toHaveText('Les prix s’entendent toutes taxes comprises.');
  await page.getByRole('button', { name: 'Acheter' }).click();
  await expect(heading(page, 'Confirmation de commande')).toBeVisible();
  await expect(page.getByText('Merci\u00a0: votre commande est terminée.')).toBeVisible();
  await page.getByRole('link', { name: 'Historique des commandes' }).click();
  await expect(page.getByTestId('orders-table')).toContainText('Power BI Pro');
});

test('roles: a Helpdesk agent may buy but not add customers; an Account admin cannot see customers', async ({ page }) => {
  await open(page, '#/customers');
  await page.getByTestId('user-switcher').selectOption({ label: 'Jordan Lee — Helpdesk agent' }, { force: true });
  await expect(page.getByRole('link', { name: 'Add customer' })).toHaveCount(0);
  await page.goto('index.html#/customers/new');
  await expect(page.getByText(/Roles that may: Admin agent, Sales agent, Global admin, User management admin/)).toBeVisible();
  await page.getByTestId('user-switcher').selectOption({ label: 'Riley Chen — Account admin' }, { force: true });
  await page.goto('index.html#/customers');
  await expect(page.getByText(/You can’t open this page with your roles/)).toBeVisible();
});

test('credit limit: an order that would exceed it is refused at Review', async ({ page }) => {
  await open(page, '#/settings');
  const profile = page.getByRole('form', { name: 'Partner profile' });
  await profile.getByLabel('Credit limit').fill('12.5.0');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByText('Credit limit: enter an amount like 1234.50.')).toBeVisible();
  await profile.getByLabel('Credit limit').fill('100');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.goto('index.html#/customers/C-0003/add?q=Office%20365%20A3');
  const offer = page.getByRole('listitem', { name: 'Office 365 A3 for faculty' });
  await offer.getByLabel('Licenses').fill('10');
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByText(/Insufficient credit limit: .* exceeds \$100\.00\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Buy' })).toBeDisabled();
});

// ── Issue 16: bugs a new user meets ──

/** Add `licenses` of `name` to the cart of `customer` from Add products. */
async function addToCart(page, customer, name, licenses) {
  await open(page, `#/customers/${customer}/add?q=${encodeURIComponent(name)}`);
  const offer = page.getByRole('listitem', { name, exact: true });
  await offer.getByLabel('Licenses').fill(String(licenses));
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`${name} was added to the cart.`)).toBeVisible();
}

test('issue 16: a cart quantity that is not a whole number stays, marked, and blocks Buy until corrected', async ({ page }) => {
  await addToCart(page, 'C-0002', 'Exchange Online (Plan 1)', 4);
  await page.getByTestId('cart-link').click();
  const table = page.getByTestId('cart-table');
  const qty = page.getByRole('spinbutton', { name: /Quantity — Exchange Online/ });
  for (const typed of ['1.5', '']) {
    await qty.fill(typed);
    await qty.press('Tab');
    await expect(table).toContainText('Licenses: enter a whole number.');
    // Review shows the line as invalid, not the old quantity 4 as if it were fine, and Buy is disabled.
    await page.getByRole('link', { name: 'Review' }).click();
    const review = page.getByTestId('review-table');
    await expect(review).toContainText('Licenses: enter a whole number.');
    await expect(review.getByRole('row', { name: /Exchange Online/ }).getByRole('cell').first()).toHaveText(typed);
    await expect(page.getByRole('button', { name: 'Buy' })).toBeDisabled();
    await expect(page.getByText('Fix the lines marked below to buy.')).toBeVisible();
    // Back on the cart the line is still invalid, with what was typed.
    await page.getByRole('link', { name: 'Back to the cart' }).click();
    await expect(table).toContainText('Licenses: enter a whole number.');
    await expect(qty).toHaveValue(typed);
  }
  await qty.fill('6');
  await qty.press('Tab');
  await expect(table).not.toContainText('enter a whole number');
  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('review-table').getByRole('row', { name: /Exchange Online/ })).toContainText('6');
  await expect(page.getByRole('button', { name: 'Buy' })).toBeEnabled();
});

test('issue 16: Add products refuses -5 licenses and adds nothing', async ({ page }) => {
  await open(page, '#/customers/C-0002/add?q=Exchange%20Online%20(Plan%201)');
  const exchange = page.getByRole('listitem', { name: 'Exchange Online (Plan 1)', exact: true });
  await exchange.getByLabel('Licenses').fill('-5');
  await exchange.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter at least 1 license.' })).toBeVisible();
  await expect(page.getByText('was added to the cart')).toHaveCount(0);
  await expect(page.getByTestId('cart-link')).toHaveText('Cart (0)');
});

test('issue 16: "reactivate the suspended one instead" links to that subscription', async ({ page }) => {
  await open(page, '#/customers/C-0001/add?q=Office%20365%20E3');
  const e3 = page.getByRole('listitem', { name: 'Office 365 E3', exact: true });
  const link = e3.getByRole('link', { name: /Open S-/ });
  await expect(link).toHaveAttribute('href', /#\/customers\/C-0001\/subscriptions\/S-\d+$/);
  await link.click();
  await expect(heading(page, 'Office 365 E3')).toBeVisible();
  await expect(page.getByTestId('subscription-status')).toHaveText('Suspended');
});

test('issue 16: a new error on Add products replaces the old "added to cart" message', async ({ page }) => {
  await addToCart(page, 'C-0002', 'Exchange Online (Plan 1)', 2);
  const pbi = 'Power BI Pro';
  await page.getByRole('searchbox', { name: 'Search products' }).fill(pbi);
  const offer = page.getByRole('listitem', { name: pbi, exact: true });
  for (const typed of ['', '1.5']) {
    await offer.getByLabel('Licenses').fill(typed);
    await offer.getByRole('button', { name: 'Add to cart' }).click();
    await expect(offer.getByText('Licenses: enter a whole number.')).toBeVisible();
    await expect(page.getByText('was added to the cart')).toHaveCount(0);
  }
  // And an added offer clears the error.
  await offer.getByLabel('Licenses').fill('2');
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`${pbi} was added to the cart.`)).toBeVisible();
  await expect(page.getByText('Licenses: enter a whole number.')).toHaveCount(0);
});

test('issue 16: the Review link after adding an offer opens Review', async ({ page }) => {
  await addToCart(page, 'C-0002', 'Exchange Online (Plan 1)', 2);
  // The Review link sits right after the Add button that was used (the next Tab stop).
  await page.getByRole('listitem', { name: 'Exchange Online (Plan 1)', exact: true }).getByRole('link', { name: 'Review' }).click();
  await expect(heading(page, 'Review the order for Fabrikam France SARL')).toBeVisible();
  await expect(page).toHaveURL(/#\/customers\/C-0002\/review$/);
});
