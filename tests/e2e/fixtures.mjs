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
