/**
 * The archive served under a sub-path, as on GitHub Pages: built with BASE_PATH=/kfjz/ and
 * SITE_URL=https://example.github.io, every link, asset, feed entry, sitemap entry and canonical
 * URL must land inside /kfjz/, and search must find its index there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { expectedHeadLinks, launchChromium, servedHeadLinks, visit } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { findBrokenLinks, resolveInSite, sitePages } from '../support/site-crawl.ts';
import { KEY_PAGES, rssItems, sitemapLocs } from '../support/site.ts';

const SITE = 'https://example.github.io';
const BASE = '/kfjz/';
const options = { site: SITE, base: BASE };
let built: ReturnType<typeof buildSite>;
let dist: string;

beforeAll(() => {
  built = buildSite({ SITE_URL: SITE, BASE_PATH: BASE });
  dist = built.dist;
});
afterAll(() => built?.remove());

describe('built with BASE_PATH=/kfjz/', () => {
  test('every in-site link and anchor resolves inside /kfjz/', () => {
    const { broken, checked } = findBrokenLinks(dist, options);
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((b) => `${b.page}: ${b.link}: ${b.reason}`)).toEqual([]);
  });

  test('canonical URLs carry the sub-path', () => {
    const wrong = sitePages(dist, options)
      .filter((p) => !p.url.endsWith('404.html'))
      .map((p) => ({ url: p.url, canonical: /<link rel="canonical" href="([^"]*)"/.exec(p.html)?.[1] }))
      .filter((p) => p.canonical !== `${SITE}${p.url}`);
    expect(wrong).toEqual([]);
  });

  test('feed items link into the sub-path and resolve, anchors included', () => {
    const items = rssItems(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.link.startsWith(`${SITE}${BASE}`), item.link).toBe(true);
      expect(resolveInSite(dist, BASE, item.link, options), item.link).toMatchObject({ file: expect.any(String) });
    }
  });

  test('the sitemap and robots.txt point inside the sub-path', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    const sitemaps = sitemapLocs(index);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((s) => {
      expect(s.startsWith(`${SITE}${BASE}`), s).toBe(true);
      return sitemapLocs(readFileSync(join(dist, new URL(s).pathname.slice(BASE.length)), 'utf8'));
    });
    expect(locs).toContain(`${SITE}${BASE}issues/2024/18/`);
    for (const loc of locs)
      expect(resolveInSite(dist, BASE, loc, options), loc).toMatchObject({ file: expect.any(String) });
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
  });
});

describe('served under /kfjz/ in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dist, BASE);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const at = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

  test.each(KEY_PAGES)('$name loads every resource from the sub-path', async ({ path }) => {
    const v = await visit(browser, at(path));
    try {
      expect(v.status, `${BASE}${path.slice(1)} is not served`).toBe(200);
      expect(v.requested.filter((u) => !new URL(u).pathname.startsWith(BASE))).toEqual([]);
      // Browsers fetch icons and the manifest outside the page's load; fetched here, they must be there too.
      expect(await servedHeadLinks(v.page)).toEqual(expectedHeadLinks(BASE));
      expect({ failed: v.failed, offsite: v.offsite, csp: await v.csp(), errors: v.errors }).toEqual({
        failed: [],
        offsite: [],
        csp: [],
        errors: [],
      });
    } finally {
      await v.close();
    }
  });

  test('search finds the issue through the index under the sub-path', async () => {
    const v = await visit(browser, at('/search/?q=忻州'));
    try {
      expect(v.status, `${BASE}search/ is not served`).toBe(200);
      const result = v.page.locator(`main a[href*="${BASE}issues/2024/18/"]`).first();
      if (!(await result.isVisible({ timeout: 5000 }).catch(() => false))) {
        await v.page.locator('main input[type="search"], main input[type="text"]').first().fill('忻州');
        await v.page.keyboard.press('Enter');
      }
      await result.waitFor({ timeout: 15_000 });
      expect({ failed: v.failed, csp: await v.csp() }).toEqual({ failed: [], csp: [] });
    } finally {
      await v.close();
    }
  });
});
