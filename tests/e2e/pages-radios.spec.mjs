// Radio buttons and checkboxes sit next to their words (issue 16): the text-field rule no longer pushes them
// apart (the CSP-model radios were 140 px from their text). Measured on the rendered page.
import { test, expect, open } from './fixtures.mjs';

/** For every radio or checkbox inside `selector`: the gap in px between the box and its label's text. */
const gaps = (page, selector) =>
  page.evaluate((selector) => {
    const out = [];
    for (const input of document.querySelectorAll(`${selector} label > input[type="radio"], ${selector} label > input[type="checkbox"]`)) {
      const text = [...input.parentElement.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const t = range.getBoundingClientRect();
      const b = input.getBoundingClientRect();
      out.push({ text: text.textContent.trim(), gap: Math.round(t.left - b.right), sameLine: Math.abs(t.top + t.height / 2 - (b.top + b.height / 2)) < 8 });
    }
    return out;
  }, selector);

for (const [w, h] of [[1366, 800], [390, 844]]) {
  test(`at ${w} px the CSP-model radios and the role checkboxes sit beside their text`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await open(page, '#/settings');
    const model = page.getByRole('group', { name: 'CSP model' });
    await expect(model).toBeVisible();
    const radios = await gaps(page, 'fieldset.radios');
    expect(radios.length).toBeGreaterThanOrEqual(2);
    for (const r of radios) {
      expect(r.gap, r.text).toBeGreaterThanOrEqual(2);
      expect(r.gap, r.text).toBeLessThanOrEqual(12);
      expect(r.sameLine, r.text).toBe(true);
    }
    await page.getByRole('button', { name: 'Add user' }).click();
    const checks = await gaps(page, 'fieldset');
    expect(checks.length).toBeGreaterThan(radios.length);
    for (const c of checks) {
      expect(c.gap, c.text).toBeLessThanOrEqual(12);
      expect(c.sameLine, c.text).toBe(true);
    }
  });
}

test('the subscription status radios sit beside their text', async ({ page }) => {
  await open(page, '#/customers/C-0001/subscriptions/S-0001');
  // The page's code and the whole book arrive after the shell: measure once the choices are drawn.
  await expect(page.locator('fieldset.status-choices label > input').first()).toBeVisible();
  const found = await gaps(page, 'fieldset.status-choices');
  expect(found.length).toBeGreaterThanOrEqual(1);
  for (const r of found) {
    expect(r.gap, r.text).toBeLessThanOrEqual(12);
    expect(r.sameLine, r.text).toBe(true);
  }
});
