// Shared test helpers: a page that records CSP violations and console errors, and app page objects.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(String(err)));
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.problems = problems;
    await use(page);
  },
});
export { expect };

/** Open the app at a fragment and wait until the shell has rendered. */
export async function open(page, hash = '#/customers') {
  await page.goto(`index.html${hash}`);
  // Attached, not visible: on a phone the navigation is inside the closed Menu.
  await expect(page.locator('nav.cspm-nav')).toBeAttached();
  await expect(page.getByTestId('simulated-date')).toBeVisible();
}

export const heading = (page, name) => page.getByRole('heading', { level: 1, name });

/**
 * On the Settings page shown in `scope` (a page, a locator of an embedded instance or a frame): add a partner
 * user with one role and wait until the users table lists them.
 */
export async function addUser(scope, { name, email, role }) {
  await scope.getByRole('button', { name: 'Add user' }).click();
  const form = scope.getByRole('form', { name: 'Add user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel(role).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(scope.getByTestId('users-table')).toContainText(name);
}

/**
 * Everything saved under the instance key `key`, readable: the snapshot's state (base64 of raw DEFLATE of
 * the engine's compact layout, where every name appears as UTF-8, decoded in the page with `atob` and
 * `DecompressionStream('deflate-raw')`), then the session and every tab's journal (JSON) as stored;
 * `null` when nothing is stored.
 */
export async function storedText(page, key) {
  return page.evaluate(async (key) => {
    const raw = localStorage.getItem(key);
    const extras = Object.keys(localStorage)
      .filter((k) => k === `${key}.session` || k.startsWith(`${key}.journal.`))
      .map((k) => localStorage.getItem(k));
    if (raw === null) return extras.length ? extras.join('\n') : null;
    let envelope;
    try {
      envelope = JSON.parse(raw);
    } catch {
      return [raw, ...extras].join('\n');
    }
    if (typeof envelope?.state !== 'string') return [raw, ...extras].join('\n');
    const bytes = Uint8Array.from(atob(envelope.state), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const state = new TextDecoder().decode(await new Response(stream).arrayBuffer());
    return [JSON.stringify(envelope.session ?? null), state, ...extras].join('\n');
  }, key);
}

/**
 * The simulated date's controls open under the date in the header (a disclosure): open them if they are
 * closed. `scope` is a page, a frame or the locator of an embedded instance.
 */
export async function openClock(scope) {
  const toggle = scope.locator('.clock-button');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Move the simulated date with one of the panel's buttons (`+1 day`, `+1 week`, `+1 month`). */
export async function clockStep(scope, name) {
  await openClock(scope);
  await scope.getByRole('button', { name, exact: true }).click();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The simulated date shown in the header (English UI), as a UTC midnight Date. */
export async function simulatedDate(page) {
  const text = (await page.getByTestId('simulated-date').textContent()).trim();
  const [, mon, day, year] = text.match(/^(\w{3}) (\d{1,2}), (\d{4})$/);
  return new Date(Date.UTC(Number(year), MONTHS.indexOf(mon), Number(day)));
}

export const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);
/** A date as the English UI writes it: "Dec 6, 2026". */
export const shown = (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
export const iso = (d) => d.toISOString().slice(0, 10);

/** Move the simulated date to `date` through the panel's "Move to" field (English UI). */
export async function moveDateTo(page, date) {
  await openClock(page);
  await page.getByLabel('Move to').fill(iso(date));
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByTestId('simulated-date')).toHaveText(shown(date));
}

/** Open a customer's subscription from the customer page's Subscriptions tab. */
export async function openSubscription(page, customer, name) {
  await open(page, `#/customers/${customer}`);
  await page.getByTestId('subscriptions-table').getByRole('link', { name, exact: true }).click();
  await expect(heading(page, name)).toBeVisible();
}

/** Buy two licences of an ISV SaaS offer for Contoso Ltd through the catalog and open its subscription. */
export async function buyIsv(page, name) {
  await open(page, `#/customers/C-0001/add?q=${encodeURIComponent(name)}`);
  const offer = page.getByRole('listitem', { name, exact: true });
  await offer.getByLabel('Licenses').fill('2');
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
  await openSubscription(page, 'C-0001', name);
}
