// Wording and locale (issue 16): date fields read the UI language's format, not the browser's; counted
// phrases agree with their number in both languages.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, openClock, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** 15 Dec 2026, or two weeks from now once that has passed (the simulated date only moves forward). */
function target() {
  const wanted = new Date(Date.UTC(2026, 11, 15));
  const later = new Date(Date.now() + 14 * 86_400_000);
  return wanted > later ? wanted : later;
}
const fr = (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const en = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
// French writes the first of the month "1er".
const shownFr = (d) => `${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MONTHS_FR[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const shownEn = (d) => `${MONTHS_EN[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

async function noSeriousAxe(page) {
  const { violations } = await new AxeBuilder({ page }).include('.cspm').analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

const cases = [
  {
    lang: 'fr',
    label: 'Avancer au',
    move: 'Avancer',
    pattern: 'jj/mm/aaaa',
    message: 'Saisissez une date au format jj/mm/aaaa.',
    typed: fr,
    shown: shownFr,
    refused: ['2026-12-15', '31/02/2026', '15/12/26', 'demain'],
  },
  {
    lang: 'en',
    label: 'Move to',
    move: 'Move',
    pattern: 'YYYY-MM-DD',
    message: 'Enter a date as YYYY-MM-DD.',
    typed: en,
    shown: shownEn,
    refused: ['15/12/2026', '2026-02-31', '12/15/2026', 'tomorrow'],
  },
];

for (const c of cases) {
  test(`${c.lang}: the simulated date field reads ${c.pattern}, refuses anything else and changes nothing`, async ({
    page,
  }) => {
    await open(page, '#/customers');
    await setLanguage(page, c.lang);
    // The date's controls open under it in the header (a disclosure).
    await openClock(page);
    const clock = page.locator('.control.clock');
    const field = clock.getByLabel(c.label, { exact: true });
    const date = page.getByTestId('simulated-date');
    await expect(field).toHaveAttribute('placeholder', c.pattern);
    await expect(field).toHaveAccessibleDescription(c.pattern);
    const before = await date.textContent();

    for (const text of c.refused) {
      await field.fill(text);
      await clock.getByRole('button', { name: c.move, exact: true }).click();
      const error = clock.getByRole('alert');
      await expect(error).toHaveText(c.message);
      await expect(error).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(date).toHaveText(before);
    }
    // Empty is refused the same way.
    await field.fill('');
    await clock.getByRole('button', { name: c.move, exact: true }).click();
    await expect(clock.getByRole('alert')).toHaveText(c.message);
    await expect(date).toHaveText(before);

    const day = target();
    await field.fill(c.typed(day));
    await expect(clock.getByRole('alert')).toHaveCount(0);
    await clock.getByRole('button', { name: c.move, exact: true }).click();
    await expect(date).toHaveText(c.shown(day));
    await expect(field).toHaveValue(c.typed(day));
    await noSeriousAxe(page);
    expect(page.problems).toEqual([]);
  });
}

test('a date typed in one language is shown in the other language’s format', async ({ page }) => {
  await open(page, '#/activity');
  const from = page.getByLabel('From', { exact: true });
  const value = await from.inputValue();
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const [y, m, d] = value.split('-');
  await setLanguage(page, 'fr');
  await expect(page.getByLabel('De', { exact: true })).toHaveValue(`${d}/${m}/${y}`);
  await expect(page.getByLabel('De', { exact: true })).toHaveAccessibleDescription('jj/mm/aaaa');
});

test('the billing country list is alphabetical in the UI language (French accents sort with their letter)', async ({
  page,
}) => {
  await open(page, '#/customers/new');
  // 250 countries and the "Choose a country" prompt (the page's code and texts arrive first).
  await expect(page.getByLabel('Billing country').locator('option')).toHaveCount(251);
  const en = await page.getByLabel('Billing country').locator('option').allTextContents();
  expect(en.slice(0, 4)).toEqual(['Choose a country', 'Afghanistan', 'Åland Islands', 'Albania']);
  await setLanguage(page, 'fr');
  await expect(page.getByLabel('Pays de facturation').locator('option').first()).toHaveText('Choisissez un pays');
  await expect(page.getByLabel('Pays de facturation').locator('option').nth(1)).toHaveText('Afghanistan');
  const fr = await page.getByLabel('Pays de facturation').locator('option').allTextContents();
  const at = (name) => fr.indexOf(name);
  expect(at('États-Unis')).toBeGreaterThan(at('Espagne'));
  expect(at('États-Unis')).toBeLessThan(at('Fidji'));
  expect(at('Égypte')).toBeLessThan(at('Équateur'));
  expect(fr.at(-1)).toBe('Zimbabwe');
  expect(fr).toHaveLength(en.length);
});

test('activity log: a bad From date gets a message in the format shown and the list stays as it was', async ({
  page,
}) => {
  await open(page, '#/activity');
  await setLanguage(page, 'fr');
  const status = page.getByRole('status').filter({ hasText: /entrées?$/ });
  const from = page.getByLabel('De', { exact: true });
  await from.fill('01/01/2000');
  await from.blur();
  const count = await status.textContent();
  await from.fill('2000-01-01');
  await from.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'jj/mm/aaaa' })).toHaveText(
    'Saisissez une date au format jj/mm/aaaa.',
  );
  await expect(status).toHaveText(count);
  await noSeriousAxe(page);
});

test('counted phrases agree with their number, in English and in French (French: 0 and 1 are singular)', async ({
  page,
}) => {
  await open(page, '#/customers');
  const status = page.getByRole('status').filter({ hasText: /^\d+ (customers?|clients?)$/ });
  const search = page.getByRole('searchbox').or(page.getByLabel('Search by company name or domain'));
  await expect(status).toHaveText(/^\d+ customers$/);
  const many = Number((await status.textContent()).split(' ')[0]);
  expect(many).toBeGreaterThan(1);
  await search.first().fill('Wingtip Toys Australia');
  await expect(status).toHaveText('1 customer');
  await search.first().fill('no such customer at all');
  await expect(status).toHaveText('0 customers');

  await setLanguage(page, 'fr');
  await expect(status).toHaveText('0 client');
  const recherche = page.getByLabel('Rechercher par nom de société ou domaine');
  await recherche.fill('Wingtip Toys Australia');
  await expect(status).toHaveText('1 client');
  await recherche.fill('');
  await expect(status).toHaveText(`${many} clients`);
});

test('the clock summary says "1 … charged" for one and the plural for more, in both languages', async ({ page }) => {
  await open(page, '#/customers');
  const clock = page.locator('.control.clock');
  await clockStep(page, '+1 day');
  const summary = clock.getByRole('status');
  await expect(summary).toHaveText(/^Simulated date moved to .+\./);
  const text = await summary.textContent();
  // No "1 renewals", "1 billing cycles charged"…: a count of 1 takes the singular.
  expect(text).not.toMatch(/(^|\D)1 \w+s\b/);
  await setLanguage(page, 'fr');
  const texte = await clock.getByRole('status').textContent();
  expect(texte).not.toMatch(/(^|\D)[01] \p{L}+s\b/u);
});
