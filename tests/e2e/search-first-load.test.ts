/**
 * The search page's first load over an index split in two bundles (the newest year, the closed
 * years: src/lib/search/bundles.ts): each bundle's entry file and metadata are downloaded once.
 * The page preloads the entry files and, once the index is written, the metadata; a preload at
 * another URL than the one Pagefind then asks for is a second download of the same file.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../fixtures/synthetic/generate.ts';
import { servedSite } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { SEED_MDX } from '../support/seed.ts';

let built: ReturnType<typeof buildSite> | undefined;
const work = mkdtempSync(join(tmpdir(), 'kfjz-search-load-'));

beforeAll(() => {
  // The seed (2024, the newest year) and two synthetic issues of 2000 (a closed year).
  const content = join(work, 'issues');
  generateArchive({ dir: content, issues: 2, seed: 18 });
  copyFileSync(SEED_MDX, join(content, '2024-18.mdx'));
  built = buildSite({ KFJZ_CONTENT_DIR: content });
});
afterAll(() => {
  built?.remove();
  rmSync(work, { recursive: true, force: true });
});

const site = servedSite(() => built?.dist ?? '');

describe('the first search', () => {
  test('downloads each bundle entry file and metadata once, at the URL the page preloads', async () => {
    const v = await site.open('/search/?q=康佳');
    try {
      await v.page
        .locator('#archive-search-status')
        .filter({ hasText: /找到|没有找到/ })
        .waitFor({ timeout: 15_000 });
      expect(await v.page.locator('#archive-search-results > li h2 a').first().getAttribute('href')).toBe(
        '/issues/2024/18/#lead',
      );
      const times = (pattern: RegExp) => {
        const counts: Record<string, number> = {};
        for (const url of v.requested) {
          const { pathname } = new URL(url);
          if (pattern.test(pathname)) counts[pathname] = (counts[pathname] ?? 0) + 1;
        }
        return counts;
      };
      expect(times(/\/pagefind-entry\.json$/)).toEqual({
        '/pagefind/pagefind-entry.json': 1,
        '/pagefind/closed/pagefind-entry.json': 1,
      });
      const metas = times(/\.pf_meta$/);
      expect(Object.keys(metas).map((p) => p.replace(/[^/]*$/, ''))).toEqual(
        expect.arrayContaining(['/pagefind/', '/pagefind/closed/']),
      );
      expect(Object.values(metas)).toEqual([1, 1]);
      // What was downloaded is what the page preloaded: Pagefind's own request found it.
      const preloaded = await v.page
        .locator('head link[rel="preload"][href*="pagefind-entry.json"]')
        .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(v.requested.filter((u) => u.includes('pagefind-entry.json')).sort()).toEqual(preloaded.sort());
      // Both bundles' metadata are asked for by the page's preloads (added after indexing), not
      // by Pagefind once the newest year's WebAssembly runs: they load with the page, side by side.
      const metaPreloads = await v.page
        .locator('head link[rel="preload"][href$=".pf_meta"]')
        .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
      expect(metaPreloads.sort()).toEqual(Object.keys(metas).sort());
      const initiators = await v.page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => /pagefind-entry\.json|\.pf_meta$/.test(e.name))
          .map((e) => [new URL(e.name).pathname, (e as PerformanceResourceTiming).initiatorType]),
      );
      expect(initiators.sort()).toEqual(
        [...Object.keys(metas), '/pagefind/pagefind-entry.json', '/pagefind/closed/pagefind-entry.json']
          .map((p) => [p, 'link'])
          .sort(),
      );
      expect({ errors: v.errors, failed: v.failed }).toEqual({ errors: [], failed: [] });
    } finally {
      await v.close();
    }
  });
});
