// The split release build (issue 17): pages' code loads on demand. A chunk that does not arrive shows a
// message with Retry (and Retry works once the network is back), after one visit every page opens with the
// network cut, and a chunk the server no longer has (a deploy) still comes from the service worker's cache.
import { test, expect, open, heading } from './fixtures.mjs';
import { PAGES } from './pages.mjs';

// The chunk files of the build (content-hashed names): pages grouped as customers, book, reports, settings.
const chunk = (name) => new RegExp(`/split_${name}-[0-9a-f]{16}\\.wasm$`);

/** Wait until the service worker controls the page and has stored every file of the build. */
async function cached(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const names = await caches.keys();
          let n = 0;
          for (const name of names) n += (await (await caches.open(name)).keys()).length;
          return n;
        }),
      { timeout: 20_000 },
    )
    .toBeGreaterThan(15);
}

test.describe('without the service worker (its cache would answer)', () => {
  test.use({ serviceWorkers: 'block' });

  test('a page whose code does not download says so, and Retry opens it once the network is back', async ({ page }) => {
    let blocked = true;
    await page.route(chunk('reports'), (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await open(page, '#/customers');
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    await page.goto('index.html#/billing');
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('nothing you entered is lost');
    // The rest of the app still works: the header and another page.
    await page.goto('index.html#/customers/C-0001');
    await expect(heading(page, 'Contoso Ltd')).toBeVisible();
    await page.goto('index.html#/billing');
    await expect(alert).toBeVisible();
    blocked = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(heading(page, 'Billing')).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(page.problems.filter((p) => !/split_reports|Failed to fetch|net::ERR|failed to load/i.test(p))).toEqual([]);
  });

  test('in French too, the message and Retry', async ({ page }) => {
    await page.route(chunk('settings'), (route) => route.abort('internetdisconnected'));
    await open(page, '#/customers');
    await page.getByTestId('language-switch').selectOption('fr', { force: true });
    await page.goto('index.html#/settings');
    const alert = page.getByRole('alert').filter({ hasText: 'Cette page n’a pas pu être chargée' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  });

  test('a first start whose engine code does not download says so, and Retry starts the app', async ({ page }) => {
    let blocked = true;
    await page.route(chunk('engine'), (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('index.html#/customers');
    const alert = page.getByRole('alert').filter({ hasText: 'The app could not start' });
    await expect(alert).toBeVisible();
    blocked = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(heading(page, 'Customers')).toBeVisible();
    await expect(page.locator('main tbody tr').first()).toBeVisible();
  });
});

test('the usual start shows the first page without the engine, which arrives for the first command', async ({ page }) => {
  await open(page, '#/customers');
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  // A second start, now that the book is saved: when did the rows show, and when was the engine asked for?
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('main tbody tr')) {
        window.__rowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  const timing = await page.evaluate(() => ({
    rowsAt: window.__rowsAt,
    engine: performance
      .getEntriesByType('resource')
      .filter((e) => /split_engine-/.test(e.name))
      .map((e) => e.startTime),
  }));
  expect(timing.rowsAt).toBeGreaterThan(0);
  for (const start of timing.engine) expect(start).toBeGreaterThanOrEqual(timing.rowsAt);
  // Moving the date needs the engine: it arrives and the date moves.
  const shown = await page.getByTestId('simulated-date').textContent();
  await page.locator('.clock-button').click();
  await page.locator('.clock-steps button').first().click();
  await expect(page.getByTestId('simulated-date')).not.toHaveText(shown);
});

test('once the first page has rendered, the pages it links to are fetched before any click', async ({ page }) => {
  await open(page, '#/customers');
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  const fetched = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => /split_(\w+)-/.exec(e.name)?.[1])
        .filter(Boolean),
    );
  // Customers links to customers (book), and the navigation to reports and settings.
  await expect.poll(fetched).toEqual(expect.arrayContaining(['customers', 'book', 'reports', 'settings', 'engine']));
});

test('after one visit every page opens with the network cut', async ({ page, context }) => {
  await open(page, '#/customers');
  await cached(page);
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page, 'Customers')).toBeVisible();
  for (const entry of PAGES.filter((p) => !p.prepare)) {
    await page.goto(`index.html${entry.hash}`);
    await expect(page.getByRole('heading', { level: 1 }).first(), entry.name).toBeVisible();
    await expect(page.getByText('This page could not be loaded'), entry.name).toHaveCount(0);
  }
  await context.setOffline(false);
});

test('a chunk the server no longer has (a new deploy) still comes from the cache of the build the tab runs', async ({
  page,
  context,
}) => {
  await open(page, '#/customers');
  await cached(page);
  // The server now answers 404 for this build's report chunk, as after a deploy that replaced the files.
  await context.route(chunk('reports'), (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('index.html#/billing');
  await expect(heading(page, 'Billing')).toBeVisible();
});
