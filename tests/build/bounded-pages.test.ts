/**
 * Pages that list the archive stay bounded as it grows (issue 11). An archive of 100 synthetic
 * issues (tests/fixtures/synthetic/generate.ts: three years, ten rounds, each file marked
 * synthetic) is built on its own; a reader finds every issue through a page per year, every city
 * report through the city's pages per year, feeds hold the latest 50 items, paginated pages link
 * both ways and are in the sitemap, and no link is broken. Sizes are measured by
 * `npm run bench:pages`, not asserted here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LATEST_ISSUES } from '#lib/archive/years.ts';
import { LATEST_REPORTS, LATEST_ROUND_ROWS } from '#lib/figures/city-pages.ts';
import { FEED_LIMIT } from '#lib/publish/feed.ts';
import { generateArchive } from '../fixtures/synthetic/generate.ts';
import { buildSite } from '../support/build-site.ts';
import { htmlToText, readPage } from '../support/html.ts';
import { findBrokenLinks } from '../support/site-crawl.ts';
import { DEFAULT_BASE, DEFAULT_SITE, rssItems, sitemapLocs } from '../support/site.ts';
import { rowsOf, tableHtml } from '../support/tables.ts';
import { htmlErrors } from '../support/validate-html.ts';

/** generate.ts puts 40 issues in a year from 2000 on: 2000 and 2001 whole, 20 issues of 2002. */
const ISSUES = 100;
const YEARS = [2000, 2001, 2002];

let work: string;
let dist: string;
let remove = () => {};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kfjz-bounded-'));
  generateArchive({ dir: join(work, 'issues'), issues: ISSUES, seed: 11 });
  const built = buildSite({ KFJZ_CONTENT_DIR: join(work, 'issues') });
  dist = built.dist;
  remove = built.remove;
}, 300_000);

afterAll(() => {
  remove();
  rmSync(work, { recursive: true, force: true });
});

const page = (path: string) => readPage(dist, path);
/** The href of the page's `<link rel>` in its head, and of its visible `<a rel>`. */
const headLink = (html: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1];
const visibleLink = (html: string, rel: string) => {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}"[^>]*>([^<]*)</a>`).exec(html);
  return m && [m[1], htmlToText(m[2] ?? '').trim()];
};

/** Every city report of the archive, from the open data: `{ city, url }`. */
const cityReports = () =>
  JSON.parse(readFileSync(join(dist, 'data/city-reports.json'), 'utf8')) as {
    city: string;
    url: string;
    round: string;
  }[];

describe('往期 by year', () => {
  test('/issues/ links a page per year; the home page and /issues/ list only the latest issues', () => {
    const overview = page('/issues/');
    for (const year of YEARS) expect(overview).toContain(`<a href="/issues/${year}/">${year}年</a>`);
    const listed = (html: string) => html.match(/<ul class="issue-list">[\s\S]*?<\/ul>/)?.[0].match(/<li>/g)?.length;
    expect(listed(overview)).toBe(LATEST_ISSUES);
    expect(listed(page('/'))).toBe(LATEST_ISSUES);
    expect(page('/')).toContain('<a href="/issues/2002/20/">2002年第20期</a>');
  });

  test('each year page holds its calendar and every issue of the year', () => {
    for (const [year, count] of [
      [2000, 40],
      [2001, 40],
      [2002, 20],
    ] as const) {
      const html = page(`/issues/${year}/`);
      expect(html.match(/class="issue-calendar__held"/g), String(year)).toHaveLength(count);
      const links = new Set(html.match(new RegExp(`href="/issues/${year}/\\d+/"`, 'g')));
      expect(links.size, String(year)).toBe(count);
    }
  });

  test('year pages link to the years on either side, in the head and visibly, both ways', () => {
    const html = YEARS.map((y) => page(`/issues/${y}/`));
    expect(headLink(html[0] ?? '', 'prev')).toBeUndefined();
    expect(headLink(html[0] ?? '', 'next')).toBe(`${DEFAULT_SITE}/issues/2001/`);
    expect(visibleLink(html[0] ?? '', 'next')).toEqual(['/issues/2001/', '下一页：2001年']);
    expect(headLink(html[1] ?? '', 'prev')).toBe(`${DEFAULT_SITE}/issues/2000/`);
    expect(visibleLink(html[1] ?? '', 'prev')).toEqual(['/issues/2000/', '上一页：2000年']);
    expect(visibleLink(html[1] ?? '', 'next')).toEqual(['/issues/2002/', '下一页：2002年']);
    expect(headLink(html[2] ?? '', 'next')).toBeUndefined();
    expect(visibleLink(html[2] ?? '', 'prev')).toEqual(['/issues/2001/', '上一页：2001年']);
  });

  test('an issue page leads to its year page', () => {
    expect(page('/issues/2001/7/')).toContain('<a href="/issues/2001/">2001年</a>');
  });
});

describe('city pages', () => {
  const slug = 'xinzhou';

  test('figures: one row per round the city reported on, newest first', () => {
    const rounds = [
      ...new Set(
        cityReports()
          .filter((r) => r.city === slug)
          .map((r) => r.round),
      ),
    ];
    const rows = rowsOf(tableHtml(page(`/cities/${slug}/`), { id: 'city-figures' })).slice(1);
    // Fewer rounds than the table holds (LATEST_ROUND_ROWS, tests/unit/city-pages.test.ts): all of them.
    expect(rounds.length).toBeLessThanOrEqual(LATEST_ROUND_ROWS);
    expect(rows).toHaveLength(rounds.length);
    expect(new Set(rows.map((r) => r[0]?.text)).size).toBe(rounds.length);
    expect(rows[0]?.[0]?.text).toBe('2002年第二次');
  });

  test('the city page lists its latest reports; its year pages together list every report once', () => {
    const html = page(`/cities/${slug}/`);
    const reports = cityReports()
      .filter((r) => r.city === slug)
      .map((r) => r.url);
    const latest = html.match(/<ol class="report-list">[\s\S]*?<\/ol>/)?.[0] ?? '';
    expect(latest.match(/<li>/g)).toHaveLength(LATEST_REPORTS);
    const years = [...html.matchAll(new RegExp(`<a href="/cities/${slug}/(\\d{4})/">`, 'g'))].map((m) => m[1]);
    expect(years).toEqual(['2002', '2001', '2000']);
    const onYearPages = years.flatMap((y) =>
      [...page(`/cities/${slug}/${y}/`).matchAll(/<ol class="report-list">([\s\S]*?)<\/ol>/g)].flatMap((ol) =>
        [...(ol[1] ?? '').matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1]),
      ),
    );
    expect(onYearPages.toSorted()).toEqual(reports.toSorted());
  });

  test('a city year page links to the years on either side, both ways', () => {
    const y2001 = page(`/cities/${slug}/2001/`);
    expect(visibleLink(y2001, 'prev')).toEqual([`/cities/${slug}/2000/`, '上一页：2000年']);
    expect(visibleLink(y2001, 'next')).toEqual([`/cities/${slug}/2002/`, '下一页：2002年']);
    expect(headLink(page(`/cities/${slug}/2002/`), 'prev')).toBe(`${DEFAULT_SITE}/cities/${slug}/2001/`);
    expect(headLink(page(`/cities/${slug}/2000/`), 'next')).toBe(`${DEFAULT_SITE}/cities/${slug}/2001/`);
  });

  test('a development zone is named once, with its count and newest report, not every report', () => {
    const zones = page(`/cities/${slug}/`).match(/<ul class="zone-list">[\s\S]*?<\/ul>/)?.[0] ?? '';
    const items = zones.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(htmlToText(item)).toMatch(/见于\d+篇报道，最近一篇：\d{4}年第\d+期的报道/);
      expect(item.match(/<a /g)).toHaveLength(1);
    }
  });
});

describe('feeds', () => {
  test(`/rss.xml holds the latest ${FEED_LIMIT} items, newest issue first`, () => {
    const items = rssItems(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    expect(items).toHaveLength(FEED_LIMIT);
    expect(items[0]?.title).toBe('《开发区建设》专刊 2002年第20期');
  });

  test(`each city's feed holds at most ${FEED_LIMIT} of its reports, and its city page announces it`, () => {
    const all = cityReports();
    for (const slug of readdirSync(join(dist, 'cities'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)) {
      const items = rssItems(readFileSync(join(dist, 'cities', slug, 'rss.xml'), 'utf8'));
      const reported = all.filter((r) => r.city === slug).length;
      expect(items.length, slug).toBe(Math.min(FEED_LIMIT, reported));
      expect(
        items.every((i) => i.link.endsWith(`#${slug}`)),
        slug,
      ).toBe(true);
      expect(page(`/cities/${slug}/`)).toContain(`href="${DEFAULT_SITE}/cities/${slug}/rss.xml"`);
    }
  });
});

describe('rounds', () => {
  test('/rounds/ shows the latest rounds in its table and links every older one by year', () => {
    const html = page('/rounds/');
    const rounds = [...new Set(cityReports().map((r) => r.round))];
    for (const id of rounds) expect(html, id).toContain(`href="/rounds/${id}/"`);
    expect(rowsOf(tableHtml(html, { caption: '最近' })).length - 1).toBeLessThan(rounds.length);
  });
});

describe('the sitemap and links', () => {
  const locs = () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    return sitemapLocs(index).flatMap((s) => sitemapLocs(readFileSync(join(dist, new URL(s).pathname), 'utf8')));
  };

  test('issue pages and the other pages have sitemaps of their own; year pages are in them', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(
      sitemapLocs(index)
        .map((s) => new URL(s).pathname)
        .toSorted(),
    ).toEqual(['/sitemap-issues-0.xml', '/sitemap-pages-0.xml']);
    const all = locs();
    for (const path of ['/issues/2000/', '/issues/2002/', '/cities/xinzhou/2001/', '/issues/2001/7/'])
      expect(all).toContain(`${DEFAULT_SITE}${path}`);
  });

  test('the listing pages, year pages with their prev/next links included, validate', async () => {
    const paths = ['/', '/issues/', '/issues/2001/', '/cities/xinzhou/', '/cities/xinzhou/2001/', '/rounds/'];
    expect(await htmlErrors(paths.map((url) => ({ url, html: page(url) })))).toEqual([]);
  });

  test('no page has a broken internal link or anchor', () => {
    const { broken, checked } = findBrokenLinks(dist, { base: DEFAULT_BASE, site: DEFAULT_SITE });
    expect(checked).toBeGreaterThan(1000);
    expect(broken.map((b) => `${b.page}: ${b.link}: ${b.reason}`)).toEqual([]);
  });
});
