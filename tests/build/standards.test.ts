/**
 * Web standards on the real build: every page in dist/ validates, every in-site link and anchor
 * resolves, nothing inline defeats the CSP, and feeds, sitemap, canonical URLs and JSON-LD say
 * only what the content states.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { contentSecurityPolicy } from '#lib/site/csp.ts';
import { htmlToText, readPage } from '../support/html.ts';
import { findBrokenLinks, resolveInSite, sitePages } from '../support/site-crawl.ts';
import { DEFAULT_BASE, DEFAULT_SITE, KEY_PAGES, rssItems, sitemapLocs } from '../support/site.ts';
import { htmlErrors } from '../support/validate-html.ts';

const dist = inject('distDir');
const options = { base: DEFAULT_BASE, site: DEFAULT_SITE };
const pages = sitePages(dist, options);
const isNotFound = (url: string) => url === '/404.html';

describe('the key pages exist', () => {
  test.each(KEY_PAGES)('$name at $path', ({ path }) => {
    expect(existsSync(join(dist, path, 'index.html')), `${path} is not in the build`).toBe(true);
  });
  test('a 404 page', () => {
    expect(existsSync(join(dist, '404.html'))).toBe(true);
  });
  test('no regions editor: it lives on the dev server only', () => {
    expect(existsSync(join(dist, '_editor'))).toBe(false);
  });
});

describe('every page in dist/', () => {
  test('validates with html-validate (zero errors)', async () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(await htmlErrors(pages)).toEqual([]);
  });

  test('has no broken internal link or anchor', () => {
    const { broken, checked } = findBrokenLinks(dist, options);
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((b) => `${b.page}: ${b.link}: ${b.reason}`)).toEqual([]);
  });

  test('declares the CSP first and carries nothing inline that it would block', () => {
    const problems: string[] = [];
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}">`;
    for (const { url, html } of pages) {
      const head = html.slice(0, html.indexOf('</head>'));
      const at = head.indexOf(meta);
      if (at < 0) problems.push(`${url}: no CSP meta`);
      const firstResource = head.search(/<(link|script)\b/);
      if (at >= 0 && firstResource >= 0 && firstResource < at)
        problems.push(`${url}: a resource comes before the CSP meta`);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attrs = '', body = ''] = m;
        const dataBlock = /type="application\/(ld\+)?json"/.test(attrs);
        if (!dataBlock && !/\ssrc=/.test(attrs)) problems.push(`${url}: inline script ${body.slice(0, 60)}`);
      }
      if (/<style\b/.test(html)) problems.push(`${url}: inline <style>`);
      if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push(`${url}: style="" attribute`);
      if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) problems.push(`${url}: inline event handler`);
    }
    expect(problems).toEqual([]);
  });

  test('names its canonical URL (itself) and OpenGraph data; the 404 page is noindex instead', () => {
    const problems: string[] = [];
    for (const { url, html } of pages) {
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
      if (isNotFound(url)) {
        if (canonical) problems.push(`${url}: a 404 page has a canonical URL`);
        if (!html.includes('<meta name="robots" content="noindex">')) problems.push(`${url}: not noindex`);
        continue;
      }
      if (canonical !== new URL(url, DEFAULT_SITE).href) problems.push(`${url}: canonical ${canonical}`);
      for (const p of ['og:title', 'og:description', 'og:type', 'og:site_name']) {
        if (!new RegExp(`<meta property="${p}" content="[^"]+">`).test(html)) problems.push(`${url}: no ${p}`);
      }
      if (!html.includes(`<meta property="og:url" content="${canonical}">`))
        problems.push(`${url}: og:url is not the canonical URL`);
    }
    expect(problems).toEqual([]);
  });

  test('loads nothing from another origin', () => {
    const external = pages.flatMap(({ url, html }) =>
      [
        ...html.matchAll(
          /<(script|img|iframe|source|video|audio)\b[^>]*\ssrc="(https?:)?\/\/[^"]*"|<link\b[^>]*rel="(stylesheet|preload|icon|modulepreload)"[^>]*href="(https?:)?\/\/[^"]*"/g,
        ),
      ].map((m) => `${url}: ${m[0]}`),
    );
    expect(external).toEqual([]);
  });
});

describe('feeds and discovery', () => {
  const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
  const items = rssItems(rss);
  const sitePath = (absolute: string) => new URL(absolute).pathname;

  test('the RSS feed has the issue, each article and each city report, linking to their anchors', () => {
    expect(items.map((i) => i.title)).toEqual([
      '《开发区建设》专刊 2024年第18期',
      '全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
      '强化项目建设力度 积蓄经济发展动能',
      '太原：14个项目签约 加快培育和发展新质生产力',
      '忻州：项目总数61个 总投资148.17亿元',
      '阳泉：集中签约项目15个 总投资77.01亿元',
      '朔州：项目总数37个 总投资88.34亿元',
      '晋中：项目总数60个 总投资280.8亿元',
      '吕梁：项目总数32个 总投资47.97亿元',
    ]);
    expect(items[1]?.link).toBe(`${DEFAULT_SITE}/issues/2024/18/#lead`);
    expect(items[1]?.creators).toEqual(['张巨峰']);
    for (const item of items) {
      const target = resolveInSite(dist, '/', item.link, options);
      expect(target, item.link).toBeDefined();
      expect(target && 'error' in target ? target.error : '', item.link).toBe('');
      if (target && 'file' in target && target.fragment)
        expect(readFileSync(join(dist, target.file), 'utf8')).toContain(`id="${target.fragment}"`);
    }
  });

  test('the feed gives no publication date, since the seed prints none', () => {
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.pubDate)).toEqual([]);
    expect(rss).not.toContain('<lastBuildDate>');
  });

  test('pages announce the feed', () => {
    expect(readPage(dist, '/')).toContain(
      `<link rel="alternate" type="application/rss+xml" title="《开发区建设》专刊 存档 RSS" href="${DEFAULT_SITE}/rss.xml">`,
    );
  });

  test("a city page announces the city's own feed, which holds its report linking to its anchor", () => {
    expect(readPage(dist, '/cities/xinzhou/')).toContain(
      `<link rel="alternate" type="application/rss+xml" title="忻州的“三个一批”报道 RSS" href="${DEFAULT_SITE}/cities/xinzhou/rss.xml">`,
    );
    const feed = rssItems(readFileSync(join(dist, 'cities/xinzhou/rss.xml'), 'utf8'));
    expect(feed).toEqual([
      {
        title: '忻州：项目总数61个 总投资148.17亿元',
        link: `${DEFAULT_SITE}/issues/2024/18/#xinzhou`,
        pubDate: false,
        creators: ['畅雪'],
      },
    ]);
    expect(rssItems(readFileSync(join(dist, 'cities/datong/rss.xml'), 'utf8'))).toEqual([]);
  });

  test('the sitemap lists every page but the 404 page, each served by a file', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    const locs = sitemapLocs(index).flatMap((sitemap) =>
      sitemapLocs(readFileSync(join(dist, sitePath(sitemap)), 'utf8')),
    );
    const expected = pages.filter((p) => !isNotFound(p.url)).map((p) => new URL(p.url, DEFAULT_SITE).href);
    expect([...locs].sort()).toEqual([...expected].sort());
  });

  test('robots.txt points crawlers at the sitemap', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(
      new RegExp(`^Sitemap: ${DEFAULT_SITE}/sitemap-index\\.xml$`, 'm'),
    );
  });
});

describe('JSON-LD on the issue page', () => {
  const html = readPage(dist, '/issues/2024/18/');
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '') as { '@graph': Record<string, unknown>[] },
  );
  const graph = blocks.flatMap((b) => b['@graph']);
  const url = `${DEFAULT_SITE}/issues/2024/18/`;

  test('describes the issue as a PublicationIssue of 科学导报, number 18', () => {
    expect(graph.find((n) => n['@type'] === 'PublicationIssue')).toMatchObject({
      '@id': `${url}#issue`,
      url,
      issueNumber: '18',
      isPartOf: { '@type': 'Periodical', name: '科学导报' },
    });
  });

  test('has a NewsArticle per article and city report, with headline, author and page as printed', () => {
    const articles = graph.filter((n) => n['@type'] === 'NewsArticle');
    expect(articles).toHaveLength(9);
    expect(articles.find((a) => a['@id'] === `${url}#lead`)).toMatchObject({
      headline: '全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
      alternativeHeadline: '金湘军出席并讲话',
      author: [{ '@type': 'Person', name: '张巨峰' }],
      printPage: 'D1',
    });
    expect(articles.find((a) => a['@id'] === `${url}#xinzhou`)).toMatchObject({
      headline: '忻州：项目总数61个 总投资148.17亿元',
      author: [{ name: '畅雪' }],
    });
    expect(articles.find((a) => a['@id'] === `${url}#compilation`)).not.toHaveProperty('author');
  });

  test('states no date, since the page prints none', () => {
    expect(JSON.stringify(graph)).not.toMatch(/date/i);
  });

  test('every @id points at an anchor on the page', () => {
    const ids = graph.map((n) => String(n['@id'])).filter((id) => !id.endsWith('#issue'));
    for (const id of ids) expect(html, id).toContain(`id="${id.slice(id.indexOf('#') + 1)}"`);
  });
});

describe('citations', () => {
  const html = readPage(dist, '/issues/2024/18/');
  /** The citation inside the element with `id`, before the next article starts. */
  const citationIn = (id: string) => {
    const start = html.indexOf(`id="${id}"`);
    const at = html.indexOf('class="citation"', start);
    return html.slice(html.lastIndexOf('<p', at), html.indexOf('</p>', at));
  };

  test('the lead article carries its GB/T 7714 reference as text, hidden from search', () => {
    const p = citationIn('lead');
    expect(p).toContain('data-pagefind-ignore');
    expect(p).toContain(
      '张巨峰. 全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行[N]. 科学导报, 2024(18): D1.',
    );
  });

  test('a city report is cited with its reporter and heading', () => {
    expect(citationIn('xinzhou')).toContain('畅雪. 忻州：项目总数61个 总投资148.17亿元[N]. 科学导报, 2024(18): D1.');
  });

  test('every article and city report has one, and the issue too', () => {
    expect(html.match(/class="citation"/g)).toHaveLength(3 + 6 + 1);
    expect(html).toContain('开发区建设专刊[N]. 科学导报, 2024(18).');
  });

  test('the copy button is hidden until a script finds a clipboard', () => {
    expect(html).toMatch(/<button type="button" class="citation__copy" hidden/);
  });
});

describe('the 往期 calendar', () => {
  const year = readPage(dist, '/issues/2024/');

  test('/issues/ names each year with what it holds and links its page', () => {
    const overview = readPage(dist, '/issues/');
    expect(overview).toContain('<a href="/issues/2024/">2024年</a>');
    expect(htmlToText(overview)).toContain('收录1期；第1–17期未收录');
    expect(overview).toContain('href="/issues/2024/18/"');
  });

  test('/issues/2024/ links 第18期 and shows 第1–17期 as not archived, nothing after 18', () => {
    const cells = [...year.matchAll(/<li class="issue-calendar__(held|gap)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
      held: m[1] === 'held',
      text: (m[2] ?? '').replace(/<[^>]+>/g, ''),
    }));
    expect(cells.map((c) => c.text.replace(/\D/g, ''))).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    expect(cells.filter((c) => c.held).map((c) => c.text)).toEqual(['18']);
    expect(year).toContain('href="/issues/2024/18/"');
    expect(cells.filter((c) => !c.held).every((c) => c.text.includes('未收录'))).toBe(true);
  });

  test('the issue page says the previous issue, 第17期, is not archived', () => {
    expect(readPage(dist, '/issues/2024/18/')).toContain('上一期：2024年第17期，存档未收录');
  });
});
