/**
 * The printed page in Chromium, on a SYNTHETIC issue (tests/fixtures/printed-page/generate.ts)
 * whose two page scans and photo are drawn with sharp at test time: the 版面 view with its
 * region links (names, keyboard order, highlight, the way to the text and back, 上一版/下一版),
 * the sizes a phone and a laptop download, photos as responsive AVIF/WebP, og:image, no layout
 * shift, axe; and the seed issue, which has no images, loading exactly what it loads without them.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { CLEAN_PAGE, auditPage, servedSite } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { DEFAULT_BASE, DEFAULT_SITE, VIEWPORTS } from '../support/site.ts';
import { findBrokenLinks } from '../support/site-crawl.ts';
import { htmlErrors } from '../support/validate-html.ts';
import { FIXTURE_ISSUE, PHOTO, REGIONS, SCAN, writePrintedPageArchive } from '../fixtures/printed-page/generate.ts';

const ISSUE = `/issues/${FIXTURE_ISSUE.year}/${FIXTURE_ISSUE.number}/`;
const SEED = '/issues/2024/18/';

let content: string;
let built: ReturnType<typeof buildSite>;
beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'kfjz-printed-page-'));
  await writePrintedPageArchive(content);
  built = buildSite({ KFJZ_CONTENT_DIR: content });
});
afterAll(() => {
  built?.remove();
  rmSync(content, { recursive: true, force: true });
});

const site = servedSite(() => built.dist);
/** The shared test build of the real archive, which has no images at all. */
const plain = servedSite(inject('distDir'));
const html = (path: string) => readFileSync(join(built.dist, path, 'index.html'), 'utf8');
/** A file of the build by its URL path; its size in bytes. */
const bytesOf = (url: string) => statSync(join(built.dist, new URL(url, 'http://x').pathname)).size;

/** The scan candidates of a `srcset`: URL and width. */
const candidates = (srcset: string) =>
  srcset.split(',').map((c) => {
    const [url = '', w = ''] = c.trim().split(/\s+/);
    return { url, width: Number(w.replace('w', '')) };
  });

/** Bytes of every image the page fetched after scrolling through it. */
async function imageBytes(page: Page): Promise<{ url: string; bytes: number }[]> {
  await scrollThrough(page);
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.(webp|avif|jpe?g|png)$/.test(new URL(e.name).pathname))
      .map((e) => ({ url: new URL(e.name).pathname, bytes: (e as PerformanceResourceTiming).encodedBodySize })),
  );
}

/** Scrolls to the bottom and back in steps, so lazy images load, then waits for every image. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([...document.images].map((img) => (img.complete ? null : img.decode().catch(() => null))));
    scrollTo(0, 0);
  });
}

describe('the build', () => {
  test('the issue page validates, and every link, anchor and srcset candidate in the archive resolves', async () => {
    expect(await htmlErrors([{ url: ISSUE, html: html(ISSUE) }])).toEqual([]);
    const { broken, checked } = findBrokenLinks(built.dist, { base: DEFAULT_BASE, site: DEFAULT_SITE });
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((b) => `${b.page}: ${b.link}: ${b.reason}`)).toEqual([]);
  });

  test('the scan: WebP in a srcset from 480 px to its full width, each a fraction of the scan, with width and height', () => {
    const page = html(ISSUE);
    const img = /<img[^>]*class="facsimile__image"[^>]*>/.exec(page)?.[0] ?? '';
    expect(img).toContain(`width="${SCAN.width}" height="${SCAN.height}"`);
    expect(img).toContain('alt="2023年第30期 D1版版面"');
    const set = candidates(/srcset="([^"]*)"/.exec(img)?.[1] ?? '');
    expect(set.map((c) => c.width)).toEqual([480, 960, 1440, 2000, 2400]);
    const original = statSync(join(content, FIXTURE_ISSUE.folder, 'D1.jpg')).size;
    for (const c of set) expect(c.url).toMatch(/\.webp$/);
    // A phone's candidate (960 or 1440) is a tenth of the scan or less.
    for (const c of set.filter((x) => x.width <= 1440)) expect(bytesOf(c.url)).toBeLessThan(original / 10);
  });

  test('the photo: AVIF and WebP sources, a fallback with width and height, loaded lazily, linked at full size', () => {
    const page = html(ISSUE);
    const figure = /<figure class="photo photo--image">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    expect(figure).toMatch(/<source srcset="[^"]*\.avif 360w[^"]*" type="image\/avif"/);
    expect(figure).toMatch(/<source srcset="[^"]*\.webp 360w[^"]*" type="image\/webp"/);
    expect(figure).toContain(`width="${PHOTO.width}" height="${PHOTO.height}"`);
    expect(figure).toContain('alt="测试用合成图片：渐变色块"');
    expect(figure).toContain('loading="lazy"');
    const full = /<a class="photo__full" href="([^"]*)"/.exec(figure)?.[1] ?? '';
    expect(full).toMatch(/\.webp$/);
    expect(bytesOf(full)).toBeGreaterThan(0);
    expect(figure).toContain('测试员摄');
    // The photo without src keeps the note.
    expect(page).toContain('<p class="photo__missing" data-pagefind-ignore>［图片未收录］</p>');
  });

  test('og:image is the first scan at 1200 px, with its width, height and alt', () => {
    const page = html(ISSUE);
    const meta = (p: string) => new RegExp(`<meta property="og:image${p}" content="([^"]*)"`).exec(page)?.[1];
    const url = meta('') ?? '';
    expect(url).toMatch(/^https:\/\/kfjz\.example\.org\/_astro\/D1\.[^/]*\.jpg$/);
    expect(bytesOf(new URL(url).pathname)).toBeGreaterThan(0);
    expect([meta(':width'), meta(':height'), meta(':alt')]).toEqual([
      '1200',
      String(Math.round((1200 * SCAN.height) / SCAN.width)),
      '2023年第30期 D1版版面',
    ]);
    expect(html(SEED)).not.toContain('og:image');
  });
});

describe('the 版面 view in Chromium', () => {
  test.each(VIEWPORTS)(
    'at $width px a phone or laptop downloads a screen-sized scan, not the 2 MB original',
    async (viewport) => {
      const v = await site.open(ISSUE, { viewport, deviceScaleFactor: viewport.width < 500 ? 3 : 1 });
      try {
        const images = await imageBytes(v.page);
        const scans = images.filter((i) => /\/D[12]\./.test(i.url));
        expect(scans.map((s) => s.url).sort()).toHaveLength(2);
        for (const s of scans) expect(s.bytes, s.url).toBeLessThan(400 * 1024);
        expect(v.failed).toEqual([]);
      } finally {
        await v.close();
      }
    },
  );

  test('each region is a link named by its headline, reached by Tab in reading order', async () => {
    const v = await site.open(ISSUE, { viewport: VIEWPORTS[1] });
    try {
      await v.page.focus('#page-d1-scan .facsimile__hint a'); // 查看大图, just before the regions
      const order: string[] = [];
      for (let i = 0; i < REGIONS.D1.length; i++) {
        await v.page.keyboard.press('Tab');
        order.push(
          await v.page.evaluate(() => {
            const a = document.activeElement;
            return `${a?.getAttribute('href')} ${a?.getAttribute('aria-label') ?? a?.textContent?.trim()}`;
          }),
        );
      }
      expect(order).toEqual([
        '#lead 测试用要闻标题：全省开发区第三次“三个一批”活动举行',
        '#compilation 测试用报道集锦标题',
        '#editors-note 编前语',
        '#taiyuan 太原：签约项目12个 测试用报道',
        '#datong 大同：开工项目9个 测试用报道',
        '#page-d2-scan 下一版 D2',
      ]);
      // The accessibility tree names them so too.
      const names = await v.page
        .locator('#page-d1-scan svg a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
      expect(names).toHaveLength(5);
    } finally {
      await v.close();
    }
  });

  test('a region lights up on hover and focus; Enter leads to its text, and the text leads back to it', async () => {
    const v = await site.open(ISSUE, { viewport: VIEWPORTS[0] });
    try {
      const fill = (sel: string) =>
        v.page
          .locator(`${sel} rect`)
          .first()
          .evaluate((r) => getComputedStyle(r).fill);
      const region = '#page-d1-scan-taiyuan';
      const idle = await fill(region);
      await v.page.hover(region);
      const hovered = await fill(region);
      expect(hovered).not.toBe(idle);
      await v.page.mouse.move(0, 0);
      await v.page.focus(region);
      await v.page.keyboard.press('Enter');
      await v.page.waitForURL(/#taiyuan$/);
      expect(await v.page.locator('#taiyuan').evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(50);
      await v.page.locator('#taiyuan .scan-place a').click();
      await v.page.waitForURL(/#page-d1-scan-taiyuan$/);
      expect(await fill(region)).not.toBe(idle); // :target marks where the report is printed
      const top = await v.page.locator(region).evaluate((e) => e.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(VIEWPORTS[0].height);
    } finally {
      await v.close();
    }
  });

  test('上一版 and 下一版 lead between the scans of the issue', async () => {
    const v = await site.open(ISSUE);
    try {
      const links = await v.page
        .locator('.facsimile__pages a')
        .evaluateAll((as) =>
          as.map((a) => `${a.closest('figure')?.id}: ${a.textContent?.trim()} → ${a.getAttribute('href')}`),
        );
      expect(links).toEqual(['page-d1-scan: 下一版 D2 → #page-d2-scan', 'page-d2-scan: 上一版 D1 → #page-d1-scan']);
      expect(await v.page.locator('#feature .scan-place a').getAttribute('href')).toBe('#page-d2-scan-feature');
    } finally {
      await v.close();
    }
  });

  test.each(VIEWPORTS)('at $width px nothing moves while the images load (layout shift 0)', async (viewport) => {
    // Images arrive 800 ms late, after the text is laid out, as on a slow line: without width
    // and height the text below them would jump (measured: layout shift 0.30 at 390 px).
    const slowImages = async (page: Page) => {
      await page.route(/\.(webp|avif|jpe?g)$/, async (route) => {
        await new Promise((ok) => setTimeout(ok, 800));
        await route.continue();
      });
    };
    const v = await site.open(ISSUE, { viewport }, slowImages);
    try {
      await v.page.evaluate(() => {
        (window as unknown as { cls: number }).cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await scrollThrough(v.page);
      expect(await v.page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.001);
    } finally {
      await v.close();
    }
  });

  const looks = VIEWPORTS.flatMap((viewport) =>
    (['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme })),
  );
  test.each(looks)(
    'passes axe at $viewport.width px in $colorScheme mode, a region focused',
    async ({ viewport, colorScheme }) => {
      const audit = await auditPage(
        () => site.open(ISSUE, { viewport, colorScheme }),
        async (page) => {
          await scrollThrough(page);
          await page.focus('#page-d1-scan-lead');
        },
      );
      expect(audit).toEqual(CLEAN_PAGE);
    },
  );
});

describe('an issue without a scan', () => {
  test('the seed issue loads the same files, byte for byte, as in an archive without any images', async () => {
    const served = async (open: (path: string) => ReturnType<typeof site.open>) => {
      const v = await open(SEED);
      try {
        await scrollThrough(v.page);
        return await v.page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => `${new URL(e.name).pathname} ${(e as PerformanceResourceTiming).encodedBodySize}`)
            .sort(),
        );
      } finally {
        await v.close();
      }
    };
    const here = await served((p) => site.open(p));
    const there = await served((p) => plain.open(p));
    expect(here.some((r) => /printed-page|\.(webp|avif|jpe?g)/.test(r))).toBe(false);
    expect(here).toEqual(there);
  });
});
