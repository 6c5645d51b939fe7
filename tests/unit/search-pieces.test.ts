/**
 * Pagefind finds issues; the search page keeps the pieces (articles, city reports) that match
 * alone. These are the rules it keeps them by, on a hand-made issue fragment (not real content).
 */
import { parseEntities } from 'parse-entities';
import { describe, expect, test } from 'vitest';
import { issueDocument } from '#lib/search/issue-document.ts';
import { matchingPieces, pieceLevelNarrowing, type Piece } from '#lib/search/pieces.ts';
import type { ExtractedPiece } from '#lib/search/pieces-from-html.ts';
import { simplifiedVariants } from '#lib/search/variants.ts';

const pieces: Piece[] = [
  {
    anchor: 'lead',
    title: '测试要闻',
    heading: ['测试要闻'],
    kind: '要闻',
    cities: ['jincheng'],
    city: '晋城',
    rounds: ['2024-2'],
    page: 'D1',
    text: '某公司在晋城签约。',
  },
  {
    anchor: 'xinzhou',
    title: '忻州：项目总数61个',
    heading: ['忻州：', '项目总数61个'],
    kind: '城市报道',
    cities: ['xinzhou'],
    city: '忻州',
    rounds: ['2024-2'],
    text: '忻州市開發區共签约21个项目。',
    variants: { 區: '区', 開: '开', 發: '发' },
  },
];
const fragment = { url: '/issues/2024/18/', meta: { issue: '2024年第18期', pieces: JSON.stringify(pieces) } };
const anchors = (q: string, filters = {}) =>
  matchingPieces(fragment, q, filters, simplifiedVariants()).map((p) => p.url);

describe('the pieces of an issue a search keeps', () => {
  test('those holding every word of the query, heading or text, linked to their anchor, in page order', () => {
    expect(anchors('签约')).toEqual(['/issues/2024/18/#lead', '/issues/2024/18/#xinzhou']);
    expect(anchors('项目总数')).toEqual(['/issues/2024/18/#xinzhou']);
    // Traditional characters in the text are read as simplified, with the whole table or the piece's own share of it.
    expect(anchors('开发区')).toEqual(['/issues/2024/18/#xinzhou']);
    expect(matchingPieces(fragment, '开发区', {}).map((p) => p.anchor)).toEqual(['xinzhou']);
    expect(matchingPieces(fragment, '開發區', {}, simplifiedVariants()).map((p) => p.anchor)).toEqual(['xinzhou']);
  });

  test('not an issue whose words stand in different pieces: 晋城 and 忻州 are never in one piece', () => {
    expect(anchors('晋城 忻州')).toEqual([]);
  });

  test('filters by the piece’s own city, kind and round; year and issue are the issue’s', () => {
    expect(anchors('签约', { city: 'xinzhou' })).toEqual(['/issues/2024/18/#xinzhou']);
    expect(anchors('签约', { kind: '要闻' })).toEqual(['/issues/2024/18/#lead']);
    expect(anchors('签约', { round: '2023-1' })).toEqual([]);
    expect(anchors('', { city: 'jincheng' })).toEqual(['/issues/2024/18/#lead']);
    expect(anchors('签约', { year: '2024', issue: '2024-18' })).toHaveLength(2);
  });

  test('a result carries the issue’s label beside the piece’s own facts', () => {
    const [lead] = matchingPieces(fragment, '晋城', {});
    expect(lead).toMatchObject({
      title: '测试要闻',
      issueLabel: '2024年第18期',
      page: 'D1',
      city: '晋城',
      kind: '要闻',
    });
  });

  test('an issue count is exact for one word without piece filters, and may overcount otherwise', () => {
    expect(pieceLevelNarrowing(1, { year: '2024' })).toBe(false);
    expect(pieceLevelNarrowing(2, {})).toBe(true);
    expect(pieceLevelNarrowing(1, { city: 'xinzhou' })).toBe(true);
  });
});

describe('the document Pagefind indexes for an issue', () => {
  const facets = { issue: '2024-18', issueLabel: '2024年第18期', year: 2024, number: 18, rounds: ['2024-2'] };
  const extracted: ExtractedPiece[] = [
    {
      anchor: 'lead',
      facets: { ...facets, title: '测试要闻', heading: ['测试要闻'], kind: '要闻', cities: ['jincheng'] },
      body: '某公司在晋城签约。',
    },
    {
      anchor: 'xinzhou',
      facets: { ...facets, title: '忻州：', heading: ['忻州：'], kind: '城市报道', cities: ['xinzhou'] },
      body: '忻州簽約。',
    },
  ];

  test('carries every piece’s filter values once, the issue’s year and number, and the pieces themselves', () => {
    const html = issueDocument(extracted);
    const values = (kind: string, key: string) =>
      [...html.matchAll(new RegExp(`data-pagefind-${kind}="${key}\\[data-v\\]" data-v="([^"]*)"`, 'g'))].map(
        (m) => m[1],
      );
    expect(values('filter', 'city')).toEqual(['jincheng', 'xinzhou']);
    expect(values('filter', 'kind')).toEqual(['要闻', '城市报道']);
    expect(values('filter', 'round')).toEqual(['2024-2']);
    expect(values('filter', 'issue')).toEqual(['2024-18']);
    expect(values('sort', 'date')).toEqual(['202418']);
    const stored = JSON.parse(parseEntities(values('meta', 'pieces')[0] ?? ''));
    expect(stored.map((p: Piece) => p.anchor)).toEqual(['lead', 'xinzhou']);
    expect(stored[0]).toMatchObject({ title: '测试要闻', city: '晋城', text: '某公司在晋城签约。' });
    expect(stored[0].variants).toBeUndefined();
    // A piece printed in traditional characters carries their simplified forms.
    expect(stored[1].variants).toEqual({ 簽: '签', 約: '约' });
  });

  test('names an issue with nothing to index', () => {
    expect(() => issueDocument([])).toThrow(/nothing to index/);
  });
});
