// The split release build (issue 17): pages' code loads on demand. A chunk that does not arrive shows a
// message with Retry (and Retry works once the network is back), after one visit every page opens with the
// network cut, and a chunk the server no longer has (a deploy) still comes from the service worker's cache.
import { test, expect, open, heading } from './fixtures.mjs';
import { PAGES, setLanguage } from './pages.mjs';

// The chunk files of the build (content-hashed names): pages grouped as book, reports, settings (the Customers
// page is in the first-load module); the engine, the English and French texts, the clock panel, the CSV writer.
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

  test('the page still shown while the next one downloads keeps working when the language changes meanwhile', async ({
    page,
  }) => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(chunk('reports'), async (route) => {
      await held;
      await route.continue();
    });
    await open(page, '#/customers');
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    await page.goto('index.html#/billing');
    // Billing's code is held: the Customers page stays, and follows the language (its scope is still alive; it
    // was disposed under it before, and its rows' effects panicked).
    await setLanguage(page, 'fr');
    await expect(page.locator('main th').filter({ hasText: 'Pays' })).toBeVisible();
    await expect(page.locator('main [role=status]').filter({ hasText: '10 clients' })).toBeVisible();
    release();
    await expect(heading(page, 'Facturation')).toBeVisible();
    expect(page.problems).toEqual([]);
  });

  test('in French too, the message and Retry', async ({ page }) => {
    await page.route(chunk('settings'), (route) => route.abort('internetdisconnected'));
    await open(page, '#/customers');
    await setLanguage(page, 'fr');
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

  test('the first page shows every word of its own before the other texts arrive', async ({ page }) => {
    await open(page, '#/customers');
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    // The usual start with the rest of the English texts (and the engine) held back.
    await page.route(chunk('english'), () => {});
    await page.route(chunk('engine'), () => {});
    await page.reload();
    await expect(page.locator('main tbody tr').first()).toBeVisible();
    await expect(heading(page, 'Customers')).toBeVisible();
    // Every link, button, column header, label and status of the shell and the page has words.
    const blank = await page.evaluate(() =>
      [...document.querySelectorAll('.cspm a, .cspm button, .cspm th, .cspm label, .cspm h1, .cspm [role=status], .cspm option')]
        .filter((el) => !(el.textContent.trim() || el.getAttribute('aria-label')))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(blank).toEqual([]);
    await expect(page.getByRole('link', { name: 'Add customer' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search by company name or domain' })).toBeVisible();
    await expect(page.getByTestId('user-switcher')).toContainText('Global admin');
    await page.locator('.clock-button').click();
    await expect(page.getByRole('button', { name: '+1 day' })).toBeVisible();
  });

  test('French arrives before it is shown; when it cannot, the app stays in English and says so', async ({ page }) => {
    let blocked = true;
    await page.route(chunk('french'), (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await open(page, '#/customers');
    await page.getByTestId('language-switch').selectOption('fr', { force: true });
    const notice = page.getByTestId('notice').filter({ hasText: 'Français could not be loaded' });
    await expect(notice).toBeVisible();
    await expect(heading(page, 'Customers')).toBeVisible();
    await expect(page.getByTestId('language-switch')).toHaveValue('en');
    blocked = false;
    await page.getByTestId('language-switch').selectOption('fr', { force: true });
    await expect(heading(page, 'Clients')).toBeVisible();
    await expect(notice).toHaveCount(0);
    // A French session's next start waits for French; without it, English and the notice in English.
    blocked = true;
    await page.reload();
    await expect(heading(page, 'Customers')).toBeVisible();
    await expect(page.getByTestId('notice').filter({ hasText: 'Français could not be loaded' })).toBeVisible();
    blocked = false;
    await page.reload();
    await expect(heading(page, 'Clients')).toBeVisible();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  test('a language chosen is remembered at once: a reload before its texts arrive starts in it', async ({ page }) => {
    await open(page, '#/customers');
    // French's texts held back: the page stays in English meanwhile.
    await page.route(chunk('french'), () => {});
    await page.getByTestId('language-switch').selectOption('fr', { force: true });
    await expect(heading(page, 'Customers')).toBeVisible();
    await page.unroute(chunk('french'));
    await page.reload();
    await expect(heading(page, 'Clients')).toBeVisible();
    // Of two quick choices the last wins, even when the first one's texts arrive after it.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(chunk('english'), async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(heading(page, 'Clients')).toBeVisible();
    await page.getByTestId('language-switch').selectOption('en', { force: true });
    await page.getByTestId('language-switch').selectOption('fr', { force: true });
    release();
    await expect(page.locator('.cspm')).toHaveAttribute('lang', 'fr');
    await page.waitForTimeout(500);
    await expect(heading(page, 'Clients')).toBeVisible();
    await page.reload();
    await expect(heading(page, 'Clients')).toBeVisible();
  });

  test('Export CSV whose writer does not download says so beside the button; once back, the file comes', async ({ page }) => {
    let blocked = true;
    await page.route(chunk('export'), (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await open(page, '#/customers');
    await page.getByTestId('export-customers').click();
    const alert = page.getByRole('alert').filter({ hasText: 'The file was not made' });
    await expect(alert).toBeVisible();
    blocked = false;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-customers').click()]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect(alert).toHaveCount(0);
  });

  test('the simulated date panel whose code does not download offers Retry, which opens it', async ({ page }) => {
    let blocked = true;
    await page.route(chunk('clock'), (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await open(page, '#/customers');
    await page.locator('.clock-button').click();
    const panel = page.locator('.clock-panel');
    await expect(panel.getByRole('alert')).toContainText('Its code did not download');
    blocked = false;
    await panel.getByRole('button', { name: 'Retry' }).click();
    const shown = await page.getByTestId('simulated-date').textContent();
    await panel.getByRole('button', { name: '+1 day' }).click();
    await expect(page.getByTestId('simulated-date')).not.toHaveText(shown);
  });
});

test('a saved book whose first page reads but whose records do not is backed up as at any start', async ({ page }) => {
  await open(page, '#/customers');
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  // One byte after the last section: the glance (partner, users, customers) still reads; the whole state not (the
  // layout's checksum no longer matches).
  await page.evaluate(async () => {
    const envelope = JSON.parse(localStorage.getItem('csp-marketplace'));
    const bytes = Uint8Array.from(atob(envelope.state), (c) => c.charCodeAt(0));
    const pipe = async (data, stream) => new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(stream)).arrayBuffer());
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    const damaged = await pipe(Uint8Array.of(...raw, 0), new CompressionStream('deflate-raw'));
    envelope.state = btoa(String.fromCharCode(...damaged));
    localStorage.setItem('csp-marketplace', JSON.stringify(envelope));
  });
  await page.reload();
  await expect(page.locator('main tbody tr').first()).toBeVisible();
  const notice = page.getByTestId('notice').first();
  await expect(notice).toContainText('the checksum does not match');
  await page.goto('index.html#/settings/data');
  await expect(page.getByTestId('backup-row').first()).toBeVisible();
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
  // Customers links to customers (book), and the navigation to reports and settings; the whole state (engine)
  // and the rest of the English texts follow the first page.
  await expect.poll(fetched).toEqual(expect.arrayContaining(['book', 'reports', 'settings', 'engine', 'english']));
  expect(await fetched()).not.toContain('french');
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
