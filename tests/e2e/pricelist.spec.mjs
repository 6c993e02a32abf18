// Settings → Price lists (RULES §2.5): import, preview, rejected rows, apply, prices by date with ERP and
// margin in the catalog and on Review, refusals, French, accessibility.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading, clockStep } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const SAMPLE = path.join(examples, 'price-list.csv');
const SAMPLE_FR = path.join(examples, 'price-list-fr.csv');
const HEADER = 'Change indicator,Offer ID,Valid from,Valid to,List price,ERP price,Currency';
const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).include('.cspm').analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test('import the sample: preview, apply, the new price from its date in the catalog with ERP and margin, buy at it', async ({ page }) => {
  await open(page, '#/settings');
  await page.getByRole('link', { name: /Import Partner Center’s license-based price list/ }).click();
  await expect(heading(page, 'Price lists')).toBeVisible();
  await expect(page.getByText('No price list imported yet')).toBeVisible();
  await page.getByLabel('Price-list file (CSV)').setInputFiles(SAMPLE);

  const preview = page.getByTestId('price-list-preview');
  await expect(preview.getByRole('heading', { name: 'Preview of price-list.csv' })).toBeVisible();
  await expect(preview).toContainText('Effective from Jan 1, 2027');
  const counts = preview.getByTestId('preview-counts').getByRole('listitem');
  await expect(counts).toHaveText([
    '2 offers added',
    '6 prices changed',
    '1 offer withdrawn',
    '12 prices unchanged',
    '0 rows rejected',
  ]);
  const bi = preview.getByTestId('preview-PriceListChanged').getByRole('row', { name: /Power BI Pro/ });
  await expect(bi.getByRole('cell')).toHaveText(['Power BI Pro', '$10.00', '$14.00', '$16.80', 'Jan 1, 2027']);
  await expect(preview.getByTestId('preview-PriceListRemoved')).toContainText('Exchange Online Kiosk');
  await axe(page);

  await preview.getByRole('button', { name: 'Apply this price list' }).click();
  await expect(page.getByTestId('price-list-done')).toHaveText(
    'Price list price-list.csv applied: effective from Jan 1, 2027.',
  );
  await expect(page.getByTestId('price-list-preview')).toHaveCount(0);
  await expect(page.getByTestId('price-lists')).toContainText('price-list.csv');
  await expect(page.getByTestId('price-lists')).toContainText('21');

  // Before Jan 1 (the simulated date is in December) the catalog price holds; the activity log has the import.
  await open(page, '#/customers/C-0002/add?q=Power%20BI%20Pro');
  const offer = page.getByRole('listitem', { name: 'Power BI Pro', exact: true });
  await expect(offer.locator('.price')).toContainText('$10.00');
  await expect(offer.getByTestId('erp-margin')).toHaveCount(0);

  // A month later: the new price, with the ERP price and the margin beside it.
  await clockStep(page, '+1 month');
  await expect(offer.locator('.price')).toContainText('$14.00');
  await expect(offer.getByTestId('erp-margin')).toHaveText('ERP $16.80 · margin $2.80');
  const box = await offer.getByTestId('erp-margin').boundingBox();
  expect(box.width).toBeGreaterThan(0);

  await offer.getByLabel('Licenses').fill('2');
  await offer.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  const line = page.getByTestId('review-table').getByRole('row', { name: /Power BI Pro/ });
  await expect(line).toContainText('$14.00');
  await expect(line.getByTestId('erp-margin')).toHaveText('ERP $16.80 · margin $2.80');
  await expect(page.getByTestId('review-total').first()).toHaveText('$28.00');
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();

  // The withdrawn offer cannot be bought any more.
  await open(page, '#/customers/C-0002/add?q=Exchange%20Online%20Kiosk');
  await expect(page.getByRole('listitem', { name: 'Exchange Online Kiosk' })).toContainText(
    'Withdrawn from the price list on Jan 1, 2027.',
  );
  await open(page, '#/activity');
  await expect(page.getByText('Price list imported').first()).toBeVisible();
});

test('a file with bad rows shows each with its line, column and reason; the rest can be applied', async ({ page }) => {
  await open(page, '#/settings/price-lists');
  const text = [
    HEADER,
    'CHG,o365-e3,12/1/2026,,24.00,28.80,USD',
    'CHG,o365-e1,12/1/2026,,-1.00,12.00,USD',
    'CHG,o365-e5,12/1/2026,,39.00,46.80,XYZ',
    'CHG,visio-plan2,12/1/2026,11/1/2026,16.00,19.20,USD',
    'CHG,o365-e3,12/1/2026,,25.00,30.00,USD',
    'CHG,m365-e3,31/12/2026,,37.00,44.40,USD',
  ].join('\n');
  await page.getByLabel('Price-list file (CSV)').setInputFiles(csv('bad-rows.csv', text));
  const preview = page.getByTestId('price-list-preview');
  await expect(preview.getByTestId('preview-counts')).toContainText('1 price changed');
  await expect(preview.getByTestId('preview-counts')).toContainText('5 rows rejected');
  const rows = preview.getByTestId('preview-rejected').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0).getByRole('cell')).toHaveText(['3', 'List price', 'Negative price.']);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['4', 'Currency', 'Unknown currency “XYZ”.']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['5', 'Valid to', 'Ends (Nov 1, 2026) before it starts (Dec 1, 2026).']);
  await expect(rows.nth(3).getByRole('cell')).toHaveText(['6', 'Offer ID', 'Duplicate offer ID: already on line 2.']);
  await expect(rows.nth(4).getByRole('cell')).toHaveText(['7', 'Valid from', 'Not a date: “31/12/2026”.']);
  await preview.getByRole('button', { name: 'Apply this price list' }).click();
  await expect(page.getByTestId('price-lists')).toContainText('bad-rows.csv');
});

test('a file missing a required column is refused and nothing changes; Cancel drops a preview', async ({ page }) => {
  await open(page, '#/settings/price-lists');
  await page
    .getByLabel('Price-list file (CSV)')
    .setInputFiles(csv('no-price.csv', 'Change indicator,Offer ID,Valid from,ERP price,Currency\nCHG,o365-e3,12/1/2026,1,USD\n'));
  await expect(page.getByTestId('price-list-error')).toHaveText(
    'The file lacks the required column “List price”: nothing was imported.',
  );
  await expect(page.getByTestId('price-list-preview')).toHaveCount(0);
  await expect(page.getByText('No price list imported yet')).toBeVisible();

  await page.getByLabel('Price-list file (CSV)').setInputFiles(SAMPLE);
  await expect(page.getByTestId('price-list-error')).toHaveCount(0);
  await page.getByTestId('price-list-preview').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('price-list-preview')).toHaveCount(0);
  await expect(page.getByText('No price list imported yet')).toBeVisible();
});

test('a user who may not edit partner settings is refused, naming the role that may', async ({ page }) => {
  await open(page, '#/settings/price-lists');
  await page.getByTestId('user-switcher').selectOption({ label: 'Sam Rivera — Sales agent' }, { force: true });
  await expect(page.getByRole('status').filter({ hasText: 'Global admin' })).toBeVisible();
  await expect(page.getByLabel('Price-list file (CSV)')).toHaveCount(0);
});

test('in French: the semicolon file with decimal commas previews and applies', async ({ page }) => {
  await open(page, '#/settings/price-lists');
  await setLanguage(page, 'fr');
  await expect(heading(page, 'Listes de prix')).toBeVisible();
  await page.getByLabel('Fichier de liste de prix (CSV)').setInputFiles(SAMPLE_FR);
  const preview = page.getByTestId('price-list-preview');
  await expect(preview.getByTestId('preview-counts').getByRole('listitem')).toHaveText([
    '2 offres ajoutées',
    '6 prix modifiés',
    '1 offre retirée',
    '12 prix inchangés',
    '0 ligne rejetée',
  ]);
  const bi = preview.getByTestId('preview-PriceListChanged').getByRole('row', { name: /Power BI Pro/ });
  await expect(bi).toContainText('10,00\u00a0$');
  await expect(bi).toContainText('14,00\u00a0$');
  await axe(page);
  await preview.getByRole('button', { name: 'Appliquer cette liste de prix' }).click();
  await expect(page.getByTestId('price-list-done')).toContainText('appliquée\u00a0: en vigueur à partir du');
  await page
    .getByLabel('Fichier de liste de prix (CSV)')
    .setInputFiles(csv('vide.csv', 'Offer ID;Valid from\n'));
  await expect(page.getByTestId('price-list-error')).toContainText('Il manque au fichier les colonnes obligatoires');
});
