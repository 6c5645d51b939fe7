import { describe, expect, test } from 'vitest';
import { excerpt, headingTokens, indexTokens, pagefindQueries, searchRuns, textMatches } from '#lib/search/tokens.ts';
import { paramsFromRequest, requestFromParams } from '#lib/search/query.ts';
import { roundLabel } from '#lib/search/facets.ts';
import { decodeVariantChars, encodeVariantChars, needsVariants } from '#lib/search/variant-chars.ts';
import { simplifiedVariants } from '#lib/search/variants.ts';

const XINZHOU =
  '据了解，本次活动，忻州市开发区共签约21个项目，总投资70.05亿元；开工23个项目，总投资65.88亿元；投产17个项目，总投资12.24亿元。';

describe('runs: what search compares', () => {
  test('split at punctuation and spaces; decimal points, full-width forms and Latin case handled', () => {
    expect(searchRuns('忻州：项目总数61个 总投资148.17亿元。')).toEqual(['忻州', '项目总数61个', '总投资148.17亿元']);
    expect(searchRuns('２００MW/800MWh，“三个一批”。')).toEqual(['200mw', '800mwh', '三个一批']);
    expect(searchRuns('1-4月 12.')).toEqual(['1', '4月', '12']);
  });
});

describe('tokens', () => {
  test('heading words are the heading’s tokens again, each followed by a 0, which no token holds', () => {
    const tokens = indexTokens('忻州：项目总数61个').split(' ');
    expect(headingTokens('忻州：项目总数61个').split(' ')).toEqual(tokens.map((t) => `${t}0`));
    expect(tokens.every((t) => /^[a-z]+$/.test(t))).toBe(true);
  });

  test('every substring of the text is found as its bigrams in a row, whatever word boundaries it crosses', () => {
    const tokens = ` ${indexTokens(XINZHOU)} `;
    for (const run of searchRuns(XINZHOU)) {
      const chars = [...run];
      for (let start = 0; start < chars.length; start++) {
        for (let end = start + 2; end <= chars.length; end++) {
          const sub = chars.slice(start, end).join('');
          // `0.` alone is not a decimal: its query is `0`, found by prefix.
          if (searchRuns(sub)[0] !== sub) continue;
          const [q] = pagefindQueries(sub);
          expect(tokens).toContain(` ${q?.match.replace(/"/g, '')} `);
        }
      }
    }
  });

  test('tokens are plain a–z words that no segmenter can cut', () => {
    expect(indexTokens('康佳集团 148.17')).toMatch(/^[a-z ]+$/);
    expect(
      new Set(
        indexTokens('康佳集团')
          .split(' ')
          .map((t) => t.length),
      ),
    ).toEqual(new Set([8, 4]));
  });

  test('a query asks for one character by prefix, more as an exact phrase ranked by the same as heading words', () => {
    const [one] = pagefindQueries('晋');
    expect(one?.match).toMatch(/^[a-z]{4}$/);
    expect(one?.rank).toBeUndefined();
    expect(pagefindQueries('康佳')[0]?.match).toMatch(/^"[a-z]{8}"$/);
    const [phrase] = pagefindQueries('阳泉陆港');
    expect(phrase?.match).toMatch(/^"[a-z]{8} [a-z]{8} [a-z]{8}"$/);
    expect(phrase?.rank).toBe(
      `"${phrase?.match
        .slice(1, -1)
        .split(' ')
        .map((w) => `${w}0`)
        .join(' ')}"`,
    );
    expect(pagefindQueries('康佳 晋城')).toHaveLength(2);
    expect(pagefindQueries('，。！ ')).toEqual([]);
  });

  test('traditional characters read as simplified when variants are given, on both sides', () => {
    const variants = simplifiedVariants();
    expect(searchRuns('簽約項目15個，總投資77.01億元', variants)).toEqual(['签约项目15个', '总投资77.01亿元']);
    expect(pagefindQueries('陽泉陸港', variants)).toEqual(pagefindQueries('阳泉陆港'));
    expect(textMatches('三峽孟县风光蓄一体化', '三峡', variants)).toBe(true);
    expect(textMatches('三峽孟县风光蓄一体化', '三峡')).toBe(false);
    const cut = excerpt('三峽孟县风光蓄一体化', '三峡孟縣', 20, variants);
    expect(cut.parts[0]).toEqual({ text: '三峽孟县', mark: true });
  });

  test('the page fetches the table only for text that holds a character it maps', () => {
    const variants = simplifiedVariants();
    const chars = decodeVariantChars(encodeVariantChars(variants));
    expect([...variants.keys()].filter((ch) => !needsVariants(ch, chars))).toEqual([]);
    expect(needsVariants('三峽孟县风光蓄一体化', chars)).toBe(true);
    expect(needsVariants('陽泉陸港', chars)).toBe(true);
    expect(needsVariants(XINZHOU, chars)).toBe(false);
    expect(needsVariants('康佳 148.17 阳泉陆港多式联运', chars)).toBe(false);
  });

  test('a match is every run of the query inside the text', () => {
    expect(textMatches(XINZHOU, '７０.０５')).toBe(true);
    expect(textMatches(XINZHOU, '忻州 12.24')).toBe(true);
    expect(textMatches(XINZHOU, '忻州 148.17')).toBe(false);
  });

  test('which is the same as some run of the text holding each run of the query', () => {
    const byRuns = (text: string, q: string) => {
      const runs = searchRuns(q);
      return runs.length > 0 && runs.every((r) => searchRuns(text).some((h) => h.includes(r)));
    };
    const text = `${XINZHOU} 1.5万 12.34.56 200MW/800MWh a.b 5.`;
    const chars = [...text];
    const queries = ['1.5', '15', '2.3', '34.5', '4.56', 'mw/800', '0.05亿', 'a.b', 'ab', '5.', '.5', '.'];
    for (let i = 0; i < chars.length; i += 3) queries.push(chars.slice(i, i + 2 + (i % 5)).join(''));
    for (const q of queries) expect(textMatches(text, q), q).toBe(byRuns(text, q));
  });
});

describe('excerpts', () => {
  test('a window around the first match, the match highlighted as printed even when typed full-width', () => {
    const text = `${'前文'.repeat(60)}${XINZHOU}`;
    const cut = excerpt(text, '７０．０５', 40);
    expect(cut.start).toBe(true);
    expect(cut.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['70.05']);
    expect(cut.parts.map((p) => p.text).join('')).toHaveLength(40);
  });

  test('without a match, the beginning of the text', () => {
    const cut = excerpt(XINZHOU, '太原', 10);
    expect(cut).toEqual({ parts: [{ text: '据了解，本次活动，忻', mark: false }], start: false, end: true });
  });
});

describe('the search URL', () => {
  test('holds query, filters and order, and only what is set', () => {
    const request = requestFromParams(new URLSearchParams('q=康佳&city=jincheng&sort=newest&year=&bogus=1'));
    expect(request).toEqual({ q: '康佳', filters: { city: 'jincheng' }, sort: 'newest' });
    expect(paramsFromRequest(request).toString()).toBe(
      new URLSearchParams('q=康佳&city=jincheng&sort=newest').toString(),
    );
    expect(requestFromParams(new URLSearchParams('q=x&sort=sideways')).sort).toBe('relevance');
  });

  test('round labels are the round as the paper names it', () => {
    expect(roundLabel('全省开发区2024年第二次“三个一批”活动')).toBe('2024年第二次');
    expect(roundLabel('全省开发区2021年第一期“三个一批”活动')).toBe('2021年第一期');
  });
});
