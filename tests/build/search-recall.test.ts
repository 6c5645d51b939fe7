/**
 * Does search find what the text says? An archive of the seed issue plus 40 synthetic issues
 * (tests/fixtures/synthetic/generate.ts) is built with the real Pagefind step; then for each of
 * 80+ queries — names, companies, projects, figures, two-character substrings, phrases that
 * cross word boundaries, single characters, full-width input, substrings drawn from the text —
 * the pieces search returns are compared with the pieces whose indexed text contains the
 * query. Search must find all of them (recall 100%) and little else (precision ≥ 95%).
 * For comparison it prints what Pagefind's own Chinese handling finds on the same pieces.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefindNode from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractPieces, extractedPieceText } from '#lib/search/pieces-from-html.ts';
import { allMatchingPieces, type Piece } from '#lib/search/pieces.ts';
import { searchArchive, type PagefindApi } from '#lib/search/query.ts';
import { simplifiedVariants } from '#lib/search/variants.ts';
import { generateArchive } from '../fixtures/synthetic/generate.ts';
import { buildSite } from '../support/build-site.ts';
import { loadPagefind, type NodePagefind } from '../support/pagefind-node.ts';
import { runScript } from '../support/scripts.ts';
import { servedSite } from '../support/browser.ts';
import { SEED_MDX } from '../support/seed.ts';

const SYNTHETIC_ISSUES = 40;

/** Queries a reader might type, by what they test. */
// prettier-ignore
const QUERIES = [
  // companies, projects, people
  '康佳', '康佳集团', '华启天成', '晋川合成材料股份有限公司', '山西智绘沧穹科技有限公司', '领卓医药集团',
  '阳泉陆港多式联运', '阳泉陆港多式联运项目', '凯泽零碳国际木业新材料产业园', '文旅太空舱项目', '全国智能家居总部',
  '金湘军', '卢东亮', '汤志平', '张巨峰', '阮洋', '畅雪', '郝光明',
  // figures, units, Latin
  '148.17', '70.05', '4.18', '280.8', '200MW', '800MWh', '4.5万吨', '1233', '72%', '50亿元', '21-465', 'mwh',
  // two characters, inside longer words
  '港多', '式联', '陆港', '崞崞', '孟县', '三峽', '沁河', '晋钢', '链主', '砥洓', '智绘', '家居',
  // phrases that cross word boundaries
  '投资50亿元建设', '省长金湘军在晋城', '应开尽开', '久久为功抓项目', '以商招商', '一泓清水入黄河', '签约投资额',
  '计划总投资', '新质生产力蓄势赋能', '有效市场更加有效', '项目是第一支撑', '分三批现场签约', '年第二次',
  // punctuation inside the query, one character, full-width input
  '政府+链主企业+园区', '开工一批”代表项目', '晋', '沁', 'ＭＷ', '１４８．１７',
  // traditional characters (and the simplified form of the page's own 三峽)
  '簽約', '開工一批', '億元', '陽泉陸港多式聯運', '晉城經濟技術開發區', '領卓醫藥集團', '三峡',
  // several words, and words that are nowhere
  '康佳 晋城', '忻州 148.17', '太空电梯', '999.99',
];

/**
 * A piece contains a query when its text contains each space-separated part, both read in
 * NFKC, lower case, traditional characters as simplified (OpenCC's character table).
 */
const variants = simplifiedVariants();
const norm = (s: string) => [...s.normalize('NFKC').toLowerCase()].map((ch) => variants.get(ch) ?? ch).join('');
const contains = (text: string, query: string) =>
  norm(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((part) => norm(text).includes(part));

interface Score {
  query: string;
  expected: number;
  found: number;
  hits: number;
}

/** Runs every query through `search` and scores it against the pieces' text. */
async function measure(
  pieces: Map<string, string>,
  queries: string[],
  search: (q: string) => Promise<string[]>,
): Promise<Score[]> {
  const out: Score[] = [];
  for (const query of queries) {
    const expected = new Set([...pieces].filter(([, text]) => contains(text, query)).map(([url]) => url));
    const found = new Set(await search(query));
    out.push({
      query,
      expected: expected.size,
      found: found.size,
      hits: [...found].filter((u) => expected.has(u)).length,
    });
  }
  return out;
}

const totals = (scores: Score[]) => {
  const sum = (k: keyof Omit<Score, 'query'>) => scores.reduce((a, s) => a + s[k], 0);
  return { recall: sum('hits') / sum('expected'), precision: sum('hits') / Math.max(1, sum('found')) };
};
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Deterministic substrings of the pieces' text: 2–7 characters from a random spot. */
function sampledQueries(texts: string[], count: number): string[] {
  let a = 20240518;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  while (out.length < count) {
    const text = texts[Math.floor(next() * texts.length)] ?? '';
    const words = text.split(/[\s，。、；：“”（）()《》—■]+/).filter((w) => [...w].length >= 4);
    const word = [...(words[Math.floor(next() * words.length)] ?? '')];
    const length = 2 + Math.floor(next() * 6);
    if (word.length < length) continue;
    const start = Math.floor(next() * (word.length - length + 1));
    out.push(word.slice(start, start + length).join(''));
  }
  return out;
}

let work: string;
let dist: string;
let removeBuild: () => void;
let ours: NodePagefind;
let theirs: NodePagefind;
/** Piece URL → its indexed text, for every article and city report in the archive. */
const pieces = new Map<string, string>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kfjz-search-recall-'));
  const content = join(work, 'content');
  generateArchive({ dir: content, issues: SYNTHETIC_ISSUES, seed: 7 });
  copyFileSync(SEED_MDX, join(content, '2024-18.mdx'));
  const built = buildSite({ KFJZ_CONTENT_DIR: content });
  dist = built.dist;
  removeBuild = built.remove;
  for (const year of readdirSync(join(dist, 'issues')).filter((y) => /^\d{4}$/.test(y))) {
    // Issue pages only: the year's own page (issues/2024/index.html) lists issues, it holds none.
    for (const number of readdirSync(join(dist, 'issues', year)).filter((n) => /^\d+$/.test(n))) {
      const path = `/issues/${year}/${number}/`;
      for (const r of extractPieces(readFileSync(join(dist, path, 'index.html'), 'utf8')))
        pieces.set(`${path}#${r.anchor}`, extractedPieceText(r));
    }
  }
  ours = await loadPagefind(dist);
  // Pagefind's own Chinese handling, on the same pieces' plain text, for comparison.
  const { index } = await pagefindNode.createIndex({});
  for (const [url, text] of pieces)
    await index?.addCustomRecord({ url, content: text, language: 'zh-cn', meta: { title: url } });
  const plain = join(work, 'plain');
  await index?.writeFiles({ outputPath: join(plain, 'pagefind') });
  await pagefindNode.close();
  theirs = await loadPagefind(plain);
}, 600_000);

afterAll(async () => {
  await ours?.close();
  await theirs?.close();
  removeBuild?.();
  rmSync(work, { recursive: true, force: true });
});

const urlsOf = async (results: { data(): Promise<{ url: string }> }[] | undefined) =>
  Promise.all((results ?? []).map(async (r) => (await r.data()).url));

describe('search over a synthetic archive (seed + 40 issues)', () => {
  test('the synthetic issues pass the content check', async () => {
    const run = await runScript('check', [], { KFJZ_CONTENT_DIR: join(work, 'content') });
    expect(run.output).toMatch(/^ok: 0 error\(s\)/m);
    expect(run.status).toBe(0);
  });

  test('finds every piece containing the query (recall 100%), and little else (precision ≥ 95%)', async () => {
    const texts = [...pieces.values()];
    const queries = [...QUERIES, ...sampledQueries(texts, 40)];
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const api = ours.pagefind as PagefindApi;
    // As the search page does: Pagefind finds issues, the pieces holding the query are the results.
    const scores = await measure(pieces, queries, async (q) =>
      (
        await allMatchingPieces(
          (await searchArchive(api, { q, filters: {}, sort: 'relevance' }, variants)) ?? [],
          q,
          {},
          variants,
        )
      ).map((p) => p.url),
    );
    const baseline = await measure(pieces, queries, async (q) => urlsOf((await theirs.pagefind.search(q))?.results));
    const t = totals(scores);
    const b = totals(baseline);
    console.log(
      [
        `search recall/precision over ${pieces.size} pieces, ${queries.length} queries:`,
        `  archive search (bigram tokens): recall ${pct(t.recall)}, precision ${pct(t.precision)}`,
        `  Pagefind's own Chinese handling: recall ${pct(b.recall)}, precision ${pct(b.precision)}`,
        `  queries fully answered: archive search ${scores.filter((s) => s.hits === s.expected).length}, Pagefind alone ${baseline.filter((s) => s.hits === s.expected).length} of ${queries.length}`,
        `  extra pieces from archive search: ${
          scores
            .filter((s) => s.found > s.hits)
            .map((s) => `${s.query} +${s.found - s.hits}`)
            .join(', ') || 'none'
        }`,
        `  queries where Pagefind alone misses pieces: ${baseline.filter((s) => s.hits < s.expected).length} of ${queries.length}` +
          ` (e.g. ${baseline
            .filter((s) => s.hits < s.expected)
            .slice(0, 8)
            .map((s) => `${s.query} ${s.hits}/${s.expected}`)
            .join(', ')})`,
      ].join('\n'),
    );
    const missed = scores.filter((s) => s.hits < s.expected).map((s) => `${s.query}: found ${s.hits} of ${s.expected}`);
    expect(missed).toEqual([]);
    expect(t.recall).toBe(1);
    expect(t.precision).toBeGreaterThanOrEqual(0.95);
    // The hand-picked queries do find something where the text has it (the test is not vacuous).
    expect(scores.filter((s) => s.expected > 0).length).toBeGreaterThan(queries.length - 5);
  });

  test('puts the issues whose headlines hold the query first, each group newest first; sorts by issue on request', async () => {
    const api = ours.pagefind as PagefindApi;
    const newestYear = String(
      Math.max(
        ...readdirSync(join(dist, 'issues'))
          .filter((y) => /^\d{4}$/.test(y))
          .map(Number),
      ),
    );
    const issueKey = (url: string) => {
      const [, year = '', number = ''] = /^\/issues\/(\d{4})\/(\d+)\//.exec(url) ?? [];
      return Number(year) * 100 + Number(number);
    };
    let headlineHits = 0;
    for (const q of ['忻州', '项目', '签约', '晋城', '开发区', '项目建设']) {
      const results = (await searchArchive(api, { q, filters: {}, sort: 'relevance' }, variants, newestYear)) ?? [];
      const issues = await Promise.all(
        results.map(async (r) => {
          const fragment = await r.data();
          const pieces = JSON.parse(fragment.meta['pieces'] ?? '[]') as Piece[];
          return { key: issueKey(fragment.url), headline: pieces.some((p) => contains(p.heading.join('\n'), q)) };
        }),
      );
      expect(issues.length, q).toBeGreaterThan(1);
      const firstOther = issues.findIndex((i) => !i.headline);
      const rest = firstOther < 0 ? [] : issues.slice(firstOther);
      expect(
        rest.every((i) => !i.headline),
        `${q}: a headline hit after the others`,
      ).toBe(true);
      expect(
        rest.map((i) => i.key),
        q,
      ).toEqual(rest.map((i) => i.key).sort((a, b) => b - a));
      headlineHits += issues.length - rest.length;
      for (const sort of ['newest', 'oldest'] as const) {
        const sorted = (await searchArchive(api, { q, filters: {}, sort }, variants, newestYear)) ?? [];
        const keys = await Promise.all(sorted.map(async (r) => issueKey((await r.data()).url)));
        expect(keys, `${q} ${sort}`).toEqual([...keys].sort((a, b) => (sort === 'newest' ? b - a : a - b)));
        expect(keys.length).toBe(issues.length);
      }
    }
    // The queries do find headline hits and others (the test is not vacuous).
    expect(headlineHits).toBeGreaterThan(0);
  });
});

describe('the search page over the synthetic archive, in Chromium', () => {
  const site = servedSite(() => dist);
  const expected = (q: string) => [...pieces].filter(([, text]) => contains(text, q)).map(([url]) => url);
  const issueOf = (url: string) => url.replace(/#.*$/, '');
  const shown = async (v: Awaited<ReturnType<typeof site.open>>) =>
    v.page
      .locator('#archive-search-results > li h2 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const status = async (v: Awaited<ReturnType<typeof site.open>>) => {
    // The list's last word, not the one it shows while it is still loading issues (续载中).
    const line = v.page.locator('#archive-search-status').filter({ hasText: /^(?!.*续载中).*(找到|没有找到)/ });
    await line.waitFor({ timeout: 15_000 });
    return line.textContent();
  };

  test('a common word: ten results, then ten more, the count in issues until all are loaded', async () => {
    const all = expected('项目');
    const issues = new Set(all.map(issueOf));
    expect(issues.size).toBeGreaterThan(10);
    const v = await site.open('/search/?q=项目');
    try {
      expect(await status(v)).toBe(`找到 ${issues.size} 期，显示前 10 篇文章与报道。`);
      const first = await shown(v);
      expect(first).toHaveLength(10);
      await v.page.click('#archive-search-more');
      await v.page.locator('#archive-search-results > li').nth(19).waitFor({ timeout: 15_000 });
      const twenty = await shown(v);
      expect(twenty.slice(0, 10)).toEqual(first);
      expect(new Set(twenty).size).toBe(20);
      for (const href of twenty) expect(all).toContain(href);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  test('a rare phrase: every piece that holds it, counted in pieces and issues', async () => {
    // The first of the reader's queries above that the text holds in 2 to 10 pieces of more than one issue.
    const q = QUERIES.find(
      (c) => expected(c).length >= 2 && expected(c).length <= 10 && new Set(expected(c).map(issueOf)).size > 1,
    );
    expect(q).toBeDefined();
    const all = expected(q ?? '');
    const issues = new Set(all.map(issueOf));
    const v = await site.open(`/search/?q=${encodeURIComponent(q ?? '')}`);
    try {
      expect(await status(v)).toBe(
        `找到 ${all.length} 篇文章与报道${issues.size > 1 ? `，分属 ${issues.size} 期` : ''}。`,
      );
      expect((await shown(v)).sort()).toEqual([...all].sort());
      expect(await v.page.locator('#archive-search-more').isHidden()).toBe(true);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });

  test('a filter no single piece meets alone: the page stops after 30 issues and says so', async () => {
    const api = ours.pagefind as PagefindApi;
    const request = { q: '项目总数', filters: { kind: '编前语' }, sort: 'relevance' as const };
    const issues = (await searchArchive(api, request, variants)) ?? [];
    // Issues hold an editor's note and 项目总数 (in a city report's heading), never in one piece.
    expect(issues.length).toBeGreaterThan(30);
    expect(await allMatchingPieces(issues, request.q, request.filters, variants)).toEqual([]);
    const v = await site.open(`/search/?q=${encodeURIComponent(request.q)}&kind=${encodeURIComponent('编前语')}`);
    try {
      expect(await status(v)).toBe(
        `找到约 ${issues.length} 期，已查看前 30 期，其中还没有一篇文章或报道单独符合全部条件。`,
      );
      expect(await v.page.locator('#archive-search-more').textContent()).toBe('继续查找');
      await v.page.click('#archive-search-more');
      await v.page.locator('#archive-search-status').filter({ hasText: '没有找到' }).waitFor({ timeout: 15_000 });
      expect(await shown(v)).toEqual([]);
      expect(v.errors).toEqual([]);
    } finally {
      await v.close();
    }
  });
});
