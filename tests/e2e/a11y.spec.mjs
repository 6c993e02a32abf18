// axe-core on every page of pages.mjs, in both languages and both viewports, with dialogs open where a page has
// one: 0 serious or critical violations (WCAG 2.2 AA rules). One test per page; each viewport gets a fresh
// context (its own storage), shown in English and then switched to French.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.mjs';
import { PAGES, VIEWPORTS, show, setLanguage } from './pages.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

for (const entry of PAGES) {
  test(`axe: ${entry.name}`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const found = [];
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ baseURL, viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      await show(page, entry, 'en');
      for (const lang of ['en', 'fr']) {
        if (lang !== 'en') await setLanguage(page, lang);
        await expect(page.locator('.cspm')).toHaveAttribute('lang', lang);
        for (const v of await seriousViolations(page)) found.push(`${viewport.name} ${lang}: ${v}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
}
