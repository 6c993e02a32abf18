// Refusals and notices that say when they change (issue 15 §4), every date and count from the engine:
// "The refund limit frees $X on …" (the reservation refund cap), "Data deleted on … unless reactivated
// (N days left)" (a suspended subscription), "This link expires on …" (software downloads) and an ISV free
// trial's end with its days left, in English and French, with an axe check of the pages and the cancel dialog.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, heading, simulatedDate, addDays, shown, moveDateTo, buyIsv } from './fixtures.mjs';
import { setLanguage } from './pages.mjs';

const fact = (scope, label) => scope.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
const french = (page) => setLanguage(page, 'fr');

async function signIn(page, label) {
  await page.getByTestId('user-switcher').selectOption({ label }, { force: true });
}

async function noSeriousAxe(page) {
  const { violations } = await new AxeBuilder({ page }).include('.cspm').analyze();
  expect(violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
}

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(page.problems).toEqual([]);
});

/** Buy two 1-year up-front reservations of 2 × Standard_NC6s_v3 ($33,239.04 each) for Contoso Ltd. */
async function buyTwoLargeReservations(page) {
  await open(page, '#/customers/C-0001/add?tab=azure');
  const card = page.getByRole('listitem', { name: /Standard_NC6s_v3/ });
  for (let i = 0; i < 2; i++) {
    await card.getByRole('button', { name: 'Choose options…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reservation options' });
    await dialog.getByLabel('Quantity').fill('2');
    await dialog.getByLabel('Term').selectOption({ label: '1 year' });
    await dialog.getByRole('combobox', { name: 'Billing', exact: true }).selectOption({ label: 'Up front' });
    await dialog.getByRole('button', { name: 'Add to cart' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Buy' }).click();
  await expect(heading(page, 'Order confirmation')).toBeVisible();
}

async function fileRefund(page) {
  const wizard = page.getByRole('form', { name: 'Support request steps' });
  for (let step = 0; step < 3; step++) await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Create' }).click();
}

test('the refund limit says how much frees up and on which date, in English and French', async ({ page }) => {
  await buyTwoLargeReservations(page);
  await open(page, '#/customers/C-0001/reservations');
  const rows = page.getByTestId('reservations-table').getByRole('row', { name: /Standard_NC6s_v3/ });
  await expect(rows).toHaveCount(2);
  const first = (await rows.nth(0).getAttribute('data-reservation')) ?? '';
  const second = (await rows.nth(1).getAttribute('data-reservation')) ?? '';
  const today = await simulatedDate(page);
  await rows.nth(0).getByRole('link', { name: `Refund ${first}` }).click();
  await fileRefund(page);
  await expect(page.getByTestId('request-created')).toContainText('The refund of $33,239.04');

  // 100 days later the first refund still counts: it frees up 365 days after it was made.
  await moveDateTo(page, addDays(today, 100));
  const frees = shown(addDays(today, 365));
  await open(page, `#/customers/C-0001/reservations/refund?ids=${second}`);
  const cap = page.getByTestId('cap-facts');
  await expect(fact(cap, 'Frees up next')).toHaveText(`$33,239.04 on ${frees}`);
  const refusal = page.getByTestId('cap-refusal');
  await expect(refusal).toContainText(`$16,760.96 is left of $50,000.00 per 12 months.`);
  await expect(refusal).toContainText(`The refund limit frees $33,239.04 on ${frees}. That is enough for this refund.`);
  // "If cancelled on …" says the same on a day the limit refuses.
  await expect(page.getByTestId('reservation-day-quote').getByTestId('quote-day-result')).toContainText(
    `The refund limit frees $33,239.04 on ${frees}.`,
  );
  await noSeriousAxe(page);

  // Filing anyway: the engine's refusal says the same, and nothing is created.
  await fileRefund(page);
  await expect(page.getByRole('form', { name: 'Support request steps' }).getByRole('alert')).toContainText(
    `The refund limit frees $33,239.04 on ${frees}.`,
  );
  await expect(page.getByTestId('request-created')).toHaveCount(0);

  await french(page);
  await expect(page.getByTestId('cap-refusal')).toContainText(/Le plafond de remboursement libère 33\s239,04\s\$\s?US le \d{1,2}(er)? \S+ \d{4}\./u);
  await expect(page.getByTestId('cap-refusal')).toContainText('C’est assez pour ce remboursement.');
  await expect(fact(page.getByTestId('cap-facts'), 'Prochaine libération')).toContainText(' le ');
  await noSeriousAxe(page);
});

test('a suspended subscription says when its data is deleted and how many days are left', async ({ page }) => {
  // Office 365 E3 of Contoso Ltd was suspended 10 days ago: deleted 90 days from today.
  await open(page, '#/customers/C-0001');
  await page.getByTestId('subscriptions-table').getByRole('link', { name: 'Office 365 E3', exact: true }).click();
  const today = await simulatedDate(page);
  const deletion = page.getByTestId('deletion-date');
  await expect(deletion).toHaveText(`Data deleted on ${shown(addDays(today, 90))} unless reactivated (90 days left).`);
  await moveDateTo(page, addDays(today, 89));
  await expect(deletion).toHaveText(`Data deleted on ${shown(addDays(today, 90))} unless reactivated (1 day left).`);
  await noSeriousAxe(page);
  await french(page);
  await expect(deletion).toHaveText(/^Données supprimées le \d{1,2}(er)? \S+ \d{4} sauf réactivation \(encore 1 jour\)\.$/u);
});

test('the suspend preview gives the deletion date and its days; French counts are plural-correct', async ({ page }) => {
  await open(page, '#/customers/C-0001');
  await page.getByTestId('subscriptions-table').getByRole('link', { name: 'Microsoft Teams Essentials', exact: true }).click();
  const today = await simulatedDate(page);
  // Contoso Ltd: 10 days from account opening to first billing → 100 days of retention.
  await expect(page.getByTestId('deletion-date')).toHaveText(
    `If suspended today: data deleted on ${shown(addDays(today, 100))} unless reactivated, 100 days later.`,
  );
  await french(page);
  await expect(page.getByTestId('deletion-date')).toContainText('sauf réactivation, 100 jours plus tard.');
});

test('a download link says the date it expires, in English and French', async ({ page }) => {
  await open(page, '#/customers/C-0001/software');
  await signIn(page, 'Alex Martin — Admin agent');
  const today = await simulatedDate(page);
  const ws = page.getByRole('region', { name: 'Windows Server 2022 Standard - 2 Core License Pack (perpetual)' });
  await ws.getByRole('button', { name: 'Get keys and downloads' }).click();
  await expect(ws.getByTestId('link-status')).toHaveText(
    `This link expires on ${shown(addDays(today, 14))} or after 50 downloads, whichever comes first. Downloads left: 50.`,
  );
  await french(page);
  await expect(ws.getByTestId('link-status')).toHaveText(
    /^Ce lien expire le \d{1,2}(er)? \S+ \d{4} ou après 50 téléchargements, selon la première échéance\. Téléchargements restants\u00a0: 50\.$/u,
  );
  // The cancel dialog with its days left (the engine's), checked by axe.
  await setLanguage(page, 'en');
  await page.getByTestId('software-table').getByRole('row', { name: /Windows Server 2022/ }).getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel a purchase' });
  await expect(dialog.getByTestId('cancel-quote')).toContainText(/\d+ days left to cancel this order \(until \w{3} \d{1,2}, \d{4}\)\./);
  await noSeriousAxe(page);
});

test('an ISV free trial says when it ends and how many days are left', async ({ page }) => {
  const name = 'Contoso Helpdesk Pro';
  await buyIsv(page, name);
  const today = await simulatedDate(page);
  const end = shown(addDays(today, 30));
  const notice = page.getByTestId('trial-notice');
  await expect(notice).toHaveText(
    `Free trial until ${end} (30 days left): it converts to paid by itself then, and cancelling before costs nothing.`,
  );
  await moveDateTo(page, addDays(today, 29));
  await expect(notice).toContainText(`Free trial until ${end} (1 day left):`);
  await french(page);
  await expect(notice).toContainText('(encore 1 jour)\u00a0: il devient payant');
});

test('a Microsoft trial’s end shows its days left, plural-correct in both languages', async ({ page }) => {
  await open(page, '#/customers/C-0001');
  await page.getByTestId('subscriptions-table').getByRole('link', { name: 'Microsoft 365 Business Basic Trial', exact: true }).click();
  const trialEnds = fact(page.getByTestId('subscription-facts'), 'Trial ends');
  await expect(trialEnds).toHaveText(/^\w{3} \d{1,2}, \d{4} \((\d+) days? left\)$/);
  const [, mon, day, year, left] = (await trialEnds.textContent()).match(/^(\w{3}) (\d{1,2}), (\d{4}) \((\d+)/);
  const end = new Date(`${mon} ${day}, ${year} UTC`);
  const today = await simulatedDate(page);
  expect(Number(left)).toBe(Math.round((end - today) / 86_400_000));
  await moveDateTo(page, addDays(end, -1));
  await expect(trialEnds).toHaveText(`${shown(end)} (1 day left)`);
  await french(page);
  await expect(fact(page.getByTestId('subscription-facts'), 'Fin de l’essai')).toHaveText(/\(encore 1 jour\)$/);
});
