/**
 * /search/ in Chromium on the real archive: a reader's query leads to the article or city report
 * that says it, filters narrow the list, and the URL carries the whole search through reload
 * and the back button, without console errors, at desktop and phone widths.
 */
import { describe, expect, inject, test } from 'vitest';
import { servedSite, type Visit } from '../support/browser.ts';

const dist = inject('distDir');
const site = servedSite(dist);

const results = (v: Visit) => v.page.locator('#archive-search-results > li');
/** Waits for the search to finish (the status line names a count) and returns the result links. */
async function resultLinks(v: Visit): Promise<{ text: string; href: string }[]> {
  await v.page
    .locator('#archive-search-status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor({ timeout: 15_000 });
  return v.page
    .locator('#archive-search-results > li h2 a')
    .evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).getAttribute('href') ?? '' })),
    );
}
const clean = async (v: Visit) => ({ errors: v.errors, failed: v.failed, csp: await v.csp(), offsite: v.offsite });

describe('search', () => {
  test('typing 康佳 lists the lead article first, highlighted, and its link reaches the article', async () => {
    const v = await site.open('/search/');
    try {
      await v.page.fill('#archive-search-q', '康佳');
      await v.page.press('#archive-search-q', 'Enter');
      await v.page.waitForURL(/\/search\/\?q=/);
      expect(decodeURIComponent(new URL(v.page.url()).search)).toBe('?q=康佳');
      const links = await resultLinks(v);
      expect(links[0]).toEqual({
        text: '全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
        href: '/issues/2024/18/#lead',
      });
      const first = results(v).first();
      expect(await first.locator('mark').allTextContents()).toContain('康佳');
      expect(await first.locator('.archive-search__meta').textContent()).toContain('2024年第18期');
      await first.locator('h2 a').click();
      await v.page.waitForURL(/\/issues\/2024\/18\/#lead$/);
      await expect(v.page.locator('article#lead h2').isVisible()).resolves.toBe(true);
      expect(await v.page.locator('article#lead').textContent()).toContain('康佳集团在晋城投资50亿元');
      expect(await clean(v)).toEqual({ errors: [], failed: [], csp: [], offsite: [] });
    } finally {
      await v.close();
    }
  });

  test('/search/?q=阳泉陆港多式联运 shows the 阳泉 report first', async () => {
    const v = await site.open('/search/?q=阳泉陆港多式联运');
    try {
      const links = await resultLinks(v);
      expect(links[0]).toEqual({ text: '阳泉：集中签约项目15个 总投资77.01亿元', href: '/issues/2024/18/#yangquan' });
      expect(await v.page.inputValue('#archive-search-q')).toBe('阳泉陆港多式联运');
      expect(await clean(v)).toEqual({ errors: [], failed: [], csp: [], offsite: [] });
    } finally {
      await v.close();
    }
  });

  test('a query in traditional characters finds the simplified text, highlighted as printed', async () => {
    const v = await site.open('/search/?q=陽泉陸港多式聯運');
    try {
      const links = await resultLinks(v);
      expect(links.map((l) => l.href)).toEqual(['/issues/2024/18/#yangquan']);
      const marks = await results(v).first().locator('.archive-search__excerpt mark').allTextContents();
      expect(marks[0]).toBe('阳泉陆港多式联运');
      expect(await clean(v)).toEqual({ errors: [], failed: [], csp: [], offsite: [] });
    } finally {
      await v.close();
    }
  });

  test('/search/?q=148.17 finds the 忻州 report', async () => {
    const v = await site.open('/search/?q=148.17');
    try {
      const links = await resultLinks(v);
      expect(links[0]?.href).toBe('/issues/2024/18/#xinzhou');
      // The figure stands in the report's heading: highlighted there.
      expect(await results(v).first().locator('h2 mark').allTextContents()).toEqual(['148.17']);
    } finally {
      await v.close();
    }
  });

  test('a city filter narrows the results; the URL survives reload and the back button', async () => {
    const v = await site.open('/search/?q=2024年第二次');
    try {
      const all = await resultLinks(v);
      expect(all.length).toBe(9);
      await v.page.selectOption('select[name="city"]', 'xinzhou');
      await v.page.waitForURL(/city=xinzhou/);
      await v.page.locator('#archive-search-status').filter({ hasText: '找到 1 篇' }).waitFor({ timeout: 15_000 });
      expect(await resultLinks(v)).toEqual([
        { text: '忻州：项目总数61个 总投资148.17亿元', href: '/issues/2024/18/#xinzhou' },
      ]);
      expect(new URL(v.page.url()).searchParams.get('q')).toBe('2024年第二次');

      await v.page.reload();
      expect(await v.page.inputValue('#archive-search-q')).toBe('2024年第二次');
      expect(await v.page.inputValue('select[name="city"]')).toBe('xinzhou');
      expect((await resultLinks(v)).map((l) => l.href)).toEqual(['/issues/2024/18/#xinzhou']);

      await v.page.goBack();
      await v.page.waitForURL((url) => !url.search.includes('city='));
      await v.page.locator('#archive-search-status').filter({ hasText: '找到 9 篇' }).waitFor({ timeout: 15_000 });
      expect(await v.page.inputValue('select[name="city"]')).toBe('');
      expect((await resultLinks(v)).length).toBe(9);
      expect(await clean(v)).toEqual({ errors: [], failed: [], csp: [], offsite: [] });
    } finally {
      await v.close();
    }
  });

  test('works at 390 px wide: nothing wider than the screen, results readable', async () => {
    const v = await site.open('/search/?q=忻州&kind=城市报道', { viewport: { width: 390, height: 844 } });
    try {
      const links = await resultLinks(v);
      expect(links[0]?.href).toBe('/issues/2024/18/#xinzhou');
      const widths = await v.page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        input: document.querySelector('#archive-search-q')?.getBoundingClientRect().right ?? 0,
        result: document.querySelector('#archive-search-results > li')?.getBoundingClientRect().right ?? 0,
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.input).toBeLessThanOrEqual(390);
      expect(widths.result).toBeLessThanOrEqual(390);
      expect(await clean(v)).toEqual({ errors: [], failed: [], csp: [], offsite: [] });
    } finally {
      await v.close();
    }
  });

  test('without a query or filter the page waits quietly, and without scripts it offers browsing', async () => {
    const v = await site.open('/search/');
    try {
      await v.page.waitForLoadState('networkidle');
      expect(await results(v).count()).toBe(0);
      expect(await v.page.locator('#archive-search-status').textContent()).toBe('');
      const noscript = await v.page.locator('noscript').innerHTML();
      expect(noscript).toContain('href="/issues/"');
      expect(noscript).toContain('href="/cities/"');
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
