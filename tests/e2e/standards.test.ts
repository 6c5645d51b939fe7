/**
 * The archive in Chromium, as a reader meets it: every kind of page accessible at phone and laptop
 * width in light and dark mode (axe, moderate violations included), its icons and manifest
 * served, no
 * request leaving the site, no Content-Security-Policy violation (search included, with a real
 * query so Pagefind's WebAssembly runs), a 404 page with search, an A4 print view without site
 * chrome, and a citation that copies.
 */
import { describe, expect, inject, test } from 'vitest';
import { CLEAN_PAGE, auditPage, expectedHeadLinks, servedHeadLinks, servedSite } from '../support/browser.ts';
import { PAGE_KINDS, VIEWPORTS } from '../support/site.ts';

const dist = inject('distDir');
const site = servedSite(dist);

const looks = VIEWPORTS.flatMap((viewport) =>
  (['light', 'dark'] as const).map((colorScheme) => ({
    viewport,
    colorScheme,
    label: `${viewport.width} px ${colorScheme}`,
  })),
);

describe.each(looks)('at $label', ({ viewport, colorScheme }) => {
  test.each(PAGE_KINDS)('$name ($path): accessible, self-contained, within the CSP', async ({ path }) => {
    expect(await auditPage(() => site.open(path, { colorScheme, viewport }))).toEqual(CLEAN_PAGE);
  });
});

describe('icons and manifest', () => {
  test.each(PAGE_KINDS)('$name links the site icon, apple-touch icon and manifest, all served', async ({ path }) => {
    const v = await site.open(path);
    try {
      expect(await servedHeadLinks(v.page)).toEqual(expectedHeadLinks('/'));
      expect(v.failed).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('search', () => {
  test('a query for 忻州 runs Pagefind (WebAssembly included) within the CSP and finds the issue', async () => {
    const v = await site.open('/search/?q=忻州');
    try {
      expect(v.status, '/search/ is not served').toBe(200);
      const result = v.page.locator('main a[href*="/issues/2024/18/"]').first();
      // Pages that do not read ?q get the query typed into their own search box.
      if (!(await result.isVisible({ timeout: 5000 }).catch(() => false))) {
        await v.page.locator('main input[type="search"], main input[type="text"]').first().fill('忻州');
        await v.page.keyboard.press('Enter');
      }
      await result.waitFor({ timeout: 15_000 });
      expect(
        v.requested.filter((u) => /pagefind\/wasm\./.test(u)),
        'Pagefind did not load its WebAssembly',
      ).not.toEqual([]);
      expect({ offsite: v.offsite, csp: await v.csp(), errors: v.errors, failed: v.failed }).toEqual({
        offsite: [],
        csp: [],
        errors: [],
        failed: [],
      });
    } finally {
      await v.close();
    }
  });

  test('the header search box leads to the search page with the query', async () => {
    const v = await site.open('/issues/2024/18/');
    try {
      await v.page.fill('#site-search', '148.17');
      await Promise.all([v.page.waitForURL(/\/search\/\?q=148\.17$/), v.page.press('#site-search', 'Enter')]);
      expect(await v.csp()).toEqual([]);
    } finally {
      await v.close();
    }
  });
});

describe('the 404 page', () => {
  test('answers an unknown address with status 404 and a search box', async () => {
    const v = await site.open('/issues/1999/1/');
    try {
      expect(v.status).toBe(404);
      await expect(v.page.locator('h1').textContent()).resolves.toBe('未找到页面');
      const form = v.page.locator('main form[role="search"]');
      expect(await form.getAttribute('action')).toBe('/search/');
      await v.page.fill('#notfound-search', '康佳');
      await Promise.all([v.page.waitForURL(/\/search\/\?q=/), v.page.press('#notfound-search', 'Enter')]);
      expect(decodeURIComponent(new URL(v.page.url()).search)).toBe('?q=康佳');
      expect({ offsite: v.offsite, csp: await v.csp() }).toEqual({ offsite: [], csp: [] });
    } finally {
      await v.close();
    }
  });
});

describe('printing an issue on A4', () => {
  test('shows the text in black on white without header, navigation, aside, search or buttons', async () => {
    // A4 minus the print margins is about 178 mm ≈ 673 CSS px wide; dark mode must not leak into print.
    const v = await site.open('/issues/2024/18/', {
      colorScheme: 'dark',
      viewport: { width: 673, height: 1000 },
    });
    try {
      await v.page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const look = await v.page.evaluate(() => {
        const shown = (sel: string) =>
          [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
        const body = getComputedStyle(document.body);
        return {
          hidden: [
            '.site-header',
            'nav',
            'aside',
            'form[role="search"]',
            'button',
            '.site-footer',
            '.skip-link',
          ].filter((s) => shown(s) > 0),
          color: body.color,
          background: body.backgroundColor,
          articles: shown('article'),
          citations: shown('.citation__text'),
          overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
      expect(look).toEqual({
        hidden: [],
        color: 'rgb(0, 0, 0)',
        background: 'rgb(255, 255, 255)',
        articles: 9,
        citations: 9,
        overflows: false,
      });
      const pdf = await v.page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await v.close();
    }
  });
});

describe('dark mode', () => {
  test('follows the system setting: light text on a dark page', async () => {
    const v = await site.open('/issues/2024/18/', { colorScheme: 'dark' });
    try {
      const [color, background] = await v.page.evaluate(() => [
        getComputedStyle(document.body).color,
        getComputedStyle(document.body).backgroundColor,
      ]);
      const lum = (rgb: string | undefined) =>
        (rgb?.match(/\d+/g) ?? []).slice(0, 3).reduce((a, c) => a + Number(c), 0);
      expect(lum(background)).toBeLessThan(150);
      expect(lum(color)).toBeGreaterThan(500);
    } finally {
      await v.close();
    }
  });
});

describe('citations', () => {
  test("the copy button puts the lead article's reference on the clipboard", async () => {
    const v = await site.open('/issues/2024/18/', { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const button = v.page.locator('#lead > .citation .citation__copy');
      await button.click();
      // The clipboard answers asynchronously; the status line says when it has.
      const status = v.page.locator('#lead > .citation [role="status"]');
      await expect.poll(() => status.textContent()).toBe('已复制');
      expect(await v.page.evaluate(() => navigator.clipboard.readText())).toBe(
        '张巨峰. 全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行[N]. 科学导报, 2024(18): D1.',
      );
    } finally {
      await v.close();
    }
  });
});

describe('feeds', () => {
  test.each(['/rss.xml', '/sitemap-index.xml', '/robots.txt'])('%s is served and well-formed', async (path) => {
    const v = await site.open('/');
    try {
      const result = await v.page.evaluate(
        async (url) => {
          const res = await fetch(url);
          const text = await res.text();
          if (!url.endsWith('.xml'))
            return { status: res.status, error: text.includes('Sitemap:') ? '' : 'no Sitemap line' };
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          return { status: res.status, error: doc.querySelector('parsererror')?.textContent ?? '' };
        },
        new URL(path.replace(/^\//, ''), v.page.url()).href,
      );
      expect(result).toEqual({ status: 200, error: '' });
    } finally {
      await v.close();
    }
  });
});
