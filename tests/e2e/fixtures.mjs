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
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
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
 * The value saved under `key`, readable: a format-2 envelope's state (base64 of raw DEFLATE of the
 * engine's compact layout, where every name appears as UTF-8) is decoded in the page with `atob` and
 * `DecompressionStream('deflate-raw')`; any other value is returned as stored; `null` when none.
 */
export async function storedText(page, key) {
  return page.evaluate(async (key) => {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    let envelope;
    try {
      envelope = JSON.parse(raw);
    } catch {
      return raw;
    }
    if (envelope?.version !== 2) return raw;
    const bytes = Uint8Array.from(atob(envelope.state), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.stringify(envelope.session) + new TextDecoder().decode(await new Response(stream).arrayBuffer());
  }, key);
}
