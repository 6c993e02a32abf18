// Every page of the app, for the accessibility checks (a11y.spec.mjs) and the gallery (scripts/screenshots.mjs).
// Each entry: `name` (file name), `hash` (the route, on the demo data), and optionally
//   `prepare(page)`: steps in English before the page is shown (fill a cart, buy…), then `hash` is opened;
//   `open(page)`: what to open on the page (a dialog, a wizard step), run in the page's current language,
//   so it uses test ids and roles, not English names.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE_PRICE_LIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/price-list.csv');

// Demo data (engine/src/demo.rs): Contoso Ltd C-0001 (subscriptions S-0001 license-based, S-0003 suspended,
// S-0004 Azure plan, S-0013 trial; software; reservation RSV-0001), Wingtip Toys C-0005 (RSV-0002).

/** Add an offer to Contoso's cart from the catalog (English UI). */
async function addToCart(page, name, quantity = '2') {
  await page.goto(`index.html#/customers/C-0001/add?q=${encodeURIComponent(name)}`);
  const offer = page.getByRole('listitem', { name, exact: true });
  await offer.getByLabel('Licenses').fill(quantity);
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('link', { name: 'Review' }).first().waitFor();
}

async function buy(page, name) {
  await addToCart(page, name);
  await page.goto('index.html#/customers/C-0001/review');
  await page.getByRole('button', { name: 'Buy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Order confirmation' }).waitFor();
}

/** Sign in as another demo user (the header's select, whatever the viewport). */
export async function signIn(page, label) {
  await page.getByTestId('user-switcher').selectOption({ label }, { force: true });
}

/** Switch the UI language from the header (inside the Menu on a phone), and wait until the app shows it:
 * French texts may still be on their way (the switch is asynchronous), and a navigation made before they
 * arrive would start the next page in the previous language. */
export async function setLanguage(page, lang) {
  await page.getByTestId('language-switch').selectOption(lang, { force: true });
  await page.locator(`.cspm[lang="${lang}"]`).waitFor({ state: 'attached' });
}

// The Get key button in both languages (the dialog opens after the language switch).
const GET_KEY = /^(Get key|Obtenir une clé)$/;

export const PAGES = [
  { name: 'customers', hash: '#/customers' },
  { name: 'customer-new', hash: '#/customers/new' },
  { name: 'customer-edit', hash: '#/customers/C-0001/edit' },
  { name: 'customer-subscriptions', hash: '#/customers/C-0001' },
  { name: 'customer-software', hash: '#/customers/C-0001/software' },
  { name: 'customer-reservations', hash: '#/customers/C-0001/reservations' },
  { name: 'customer-orders', hash: '#/customers/C-0001/orders' },
  { name: 'customer-account', hash: '#/customers/C-0001/account' },
  { name: 'add-products', hash: '#/customers/C-0001/add' },
  { name: 'add-products-software', hash: '#/customers/C-0001/add?tab=software' },
  { name: 'add-products-azure', hash: '#/customers/C-0005/add?tab=azure' },
  {
    name: 'add-products-reservation-dialog',
    hash: '#/customers/C-0005/add?tab=azure',
    open: async (page) => {
      await page.locator('li.offer .options button').first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'cart', hash: '#/customers/C-0001/cart', prepare: (page) => addToCart(page, 'Microsoft 365 Business Basic') },
  { name: 'review', hash: '#/customers/C-0001/review', prepare: (page) => addToCart(page, 'Microsoft 365 Business Basic') },
  {
    name: 'confirmation',
    prepare: (page) => buy(page, 'Microsoft 365 Business Basic'),
    // The confirmation's own URL, reached by buying.
    hash: null,
  },
  { name: 'subscription-license', hash: '#/customers/C-0001/subscriptions/S-0001' },
  { name: 'subscription-suspended', hash: '#/customers/C-0001/subscriptions/S-0003' },
  { name: 'subscription-azure-plan', hash: '#/customers/C-0001/subscriptions/S-0004' },
  { name: 'subscription-trial', hash: '#/customers/C-0001/subscriptions/S-0013' },
  {
    name: 'subscription-isv-saas',
    prepare: async (page) => {
      await buy(page, 'Northwind Project Tracker');
      await page.goto('index.html#/customers/C-0001');
      await page.getByRole('link', { name: 'Northwind Project Tracker' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Northwind Project Tracker' }).waitFor();
    },
    hash: null,
  },
  {
    name: 'software-key-dialog',
    hash: '#/customers/C-0001/software',
    prepare: async (page) => {
      await page.goto('index.html#/customers/C-0001/software');
      await signIn(page, 'Alex Martin — Admin agent');
      const ws = page.getByRole('region', { name: 'Windows Server 2022 Standard - 2 Core License Pack (perpetual)' });
      await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
    },
    open: async (page) => {
      await page.getByRole('button', { name: GET_KEY }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'support-request', hash: '#/customers/C-0001/support' },
  { name: 'reservation-manage', hash: '#/customers/C-0001/reservations/RSV-0001' },
  { name: 'reservation-refund', hash: '#/customers/C-0001/reservations/refund?ids=RSV-0001' },
  { name: 'reservation-exchange', hash: '#/customers/C-0005/reservations/exchange?ids=RSV-0002' },
  { name: 'billing', hash: '#/billing' },
  { name: 'invoice', hash: '#/billing/2026-11' },
  { name: 'renewals', hash: '#/renewals' },
  { name: 'software-activity', hash: '#/activity/software' },
  { name: 'activity-log', hash: '#/activity' },
  { name: 'settings', hash: '#/settings' },
  { name: 'data', hash: '#/settings/data' },
  { name: 'subscriptions', hash: '#/subscriptions' },
  { name: 'policy', hash: '#/settings/policy' },
  { name: 'price-lists', hash: '#/settings/price-lists' },
  {
    name: 'price-list-preview',
    hash: '#/settings/price-lists',
    open: async (page) => {
      await page.getByTestId('price-list-file').setInputFiles(SAMPLE_PRICE_LIST);
      await page.getByTestId('price-list-preview').waitFor();
    },
  },
  { name: 'not-found', hash: '#/no/such/page' },
];

export const VIEWPORTS = [
  { name: 'wide', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
export const LANGUAGES = ['en', 'fr'];

/**
 * Show `entry` on a fresh app: prepare it (English), open its route, switch to `lang`, open its dialog.
 * The page must be in a fresh context (its own local storage).
 */
export async function show(page, entry, lang) {
  await page.goto(`index.html${entry.hash ?? '#/customers'}`);
  await page.getByTestId('simulated-date').waitFor();
  if (entry.prepare) await entry.prepare(page);
  if (entry.hash) {
    await page.goto(`index.html${entry.hash}`);
    await page.getByTestId('simulated-date').waitFor();
  }
  await setLanguage(page, lang);
  if (entry.open) await entry.open(page);
  // The heading and its text in this language are rendered.
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}
