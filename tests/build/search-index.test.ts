/**
 * The search index of the real archive, queried through Pagefind's own JS API in Node, as the
 * search page queries it: Pagefind finds the issue, its fragment's pieces give one result per
 * article and city report, linking to its anchor, carrying what a result shows and what it can
 * be narrowed by, holding the text a reader sees and none of the page furniture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { extractPieces, extractedPieceText } from '#lib/search/pieces-from-html.ts';
import { allMatchingPieces } from '#lib/search/pieces.ts';
import { searchArchive, type SearchRequest } from '#lib/search/query.ts';
import { simplifiedVariants } from '#lib/search/variants.ts';
import { loadPagefind, type NodePagefind } from '../support/pagefind-node.ts';
import { SEED_ANCHORS } from '../support/seed-figures.ts';

const dist = inject('distDir');
let pf: NodePagefind;
beforeAll(async () => {
  pf = await loadPagefind(dist);
});
afterAll(async () => {
  await pf?.close();
});

const search = async (q: string, more: Partial<SearchRequest> = {}) => {
  const request: SearchRequest = { q, filters: {}, sort: 'relevance', ...more };
  const variants = simplifiedVariants();
  const issues = (await searchArchive(pf.pagefind, request, variants)) ?? [];
  return allMatchingPieces(issues, request.q, request.filters, variants);
};
const urls = async (q: string, more: Partial<SearchRequest> = {}) => (await search(q, more)).map((d) => d.url);

describe('the pieces of 2024年第18期', () => {
  const pieces = () => extractPieces(readFileSync(join(dist, 'issues/2024/18/index.html'), 'utf8'));

  test('one per article and city report, in page order', () => {
    expect(pieces().map((r) => r.anchor)).toEqual([...SEED_ANCHORS]);
  });

  test('hold what the reader reads (headings, photo caption and credit, byline) and no page furniture', () => {
    const byAnchor = new Map(pieces().map((r) => [r.anchor, extractedPieceText(r)]));
    const lead = byAnchor.get('lead') ?? '';
    expect(lead).toContain('持续扩大有效益的投资 为新质生产力蓄势赋能');
    expect(lead).toContain('5月10日，省委副书记、省长金湘军宣布康佳智慧科技城项目启动。');
    expect(lead).toContain('阮洋摄');
    expect(lead.endsWith('张巨峰')).toBe(true);
    expect(byAnchor.get('compilation')).toBe(
      '强化项目建设力度 积蓄经济发展动能\n——全省开发区2024年第二次“三个一批”活动各市分会场报道集锦\n(下转D3版)',
    );
    const all = [...byAnchor.values()].join('\n');
    for (const furniture of ['引用格式', 'GB/T 7714', '复制引用', '历次“三个一批”数据', '图片未收录', 'D3版未收录'])
      expect(all).not.toContain(furniture);
    // A compilation's city reports are pieces of their own, not part of it or of the editor's note.
    expect(byAnchor.get('editors-note')).not.toContain('忻州');
  });
});

describe('searching the real archive', () => {
  test('康佳 → the lead article; 阳泉陆港多式联运 → 阳泉; 148.17 → 忻州; 金湘军 → the lead', async () => {
    expect(await urls('康佳')).toEqual(['/issues/2024/18/#lead']);
    expect(await urls('阳泉陆港多式联运')).toEqual(['/issues/2024/18/#yangquan']);
    expect(await urls('148.17')).toEqual(['/issues/2024/18/#xinzhou']);
    expect(await urls('金湘军')).toEqual(['/issues/2024/18/#lead']);
  });

  test('traditional characters find the simplified text, and the traditional 三峽 on the page is found as 三峡', async () => {
    expect(await urls('陽泉陸港多式聯運')).toEqual(['/issues/2024/18/#yangquan']);
    expect(await urls('簽約 億元', { filters: { city: 'xinzhou' } })).toEqual(['/issues/2024/18/#xinzhou']);
    expect(await urls('三峡')).toEqual(['/issues/2024/18/#yangquan']);
    expect(await urls('三峽')).toEqual(['/issues/2024/18/#yangquan']);
  });

  test('a reporter finds the report they wrote, not every reference naming them', async () => {
    expect(await urls('畅雪')).toEqual(['/issues/2024/18/#xinzhou']);
  });

  test('a result carries its title, issue, page, kind and city; no date, since the issue prints none', async () => {
    const [xinzhou] = await search('148.17');
    expect(xinzhou).toMatchObject({
      title: '忻州：项目总数61个 总投资148.17亿元',
      issueLabel: '2024年第18期',
      page: 'D1',
      kind: '城市报道',
      city: '忻州',
    });
    expect(xinzhou?.date).toBeUndefined();
    expect(xinzhou?.text).toContain('据了解，本次活动，忻州市开发区共签约21个项目');
  });

  test('filters narrow by city, kind, issue, year and round', async () => {
    expect(await urls('2024年第二次')).toHaveLength(9);
    expect(await urls('2024年第二次', { filters: { city: 'xinzhou' } })).toEqual(['/issues/2024/18/#xinzhou']);
    expect(await urls('康佳', { filters: { city: 'jincheng' } })).toEqual(['/issues/2024/18/#lead']);
    expect(await urls('2024年第二次', { filters: { kind: '城市报道' } })).toHaveLength(6);
    expect(await urls('项目', { filters: { kind: '编前语' } })).toEqual(['/issues/2024/18/#editors-note']);
    expect(
      await urls('项目', { filters: { issue: '2024-18', year: '2024', round: '2024-2', city: 'lvliang' } }),
    ).toEqual(['/issues/2024/18/#lvliang']);
    expect(await urls('项目', { filters: { year: '2023' } })).toEqual([]);
  });

  test('filters alone browse the archive, newest issue first', async () => {
    expect(await urls('', { filters: { kind: '要闻' } })).toEqual(['/issues/2024/18/#lead']);
    expect(await searchArchive(pf.pagefind, { q: '  ，。', filters: {}, sort: 'relevance' })).toBeUndefined();
  });

  test('the search page offers exactly the filter values the index holds', async () => {
    const html = readFileSync(join(dist, 'search/index.html'), 'utf8');
    const options = (name: string) => {
      const select = new RegExp(`<select name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
      return [...select.matchAll(/<option value="([^"]*)"/g)]
        .map((m) => m[1])
        .filter(Boolean)
        .sort();
    };
    const filters = await pf.pagefind.filters();
    for (const key of ['city', 'year', 'kind', 'round'])
      expect(options(key), key).toEqual(Object.keys(filters[key] ?? {}).sort());
    // Issues are offered a year at a time: the page lists none, each year's file lists its own.
    expect(options('issue')).toEqual([]);
    const issues = options('year').flatMap((year) =>
      (JSON.parse(readFileSync(join(dist, `search/issues/${year}.json`), 'utf8')) as { value: string }[]).map(
        (o) => o.value,
      ),
    );
    expect(issues.sort()).toEqual(Object.keys(filters['issue'] ?? {}).sort());
  });
});
