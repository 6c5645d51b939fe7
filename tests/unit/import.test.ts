import { describe, expect, test } from 'vitest';
import { parsePage } from '#lib/import/page-text.ts';
import { escapeMdxText } from '#lib/import/to-mdx.ts';

describe('the page-text reader', () => {
  test('escapes what MDX would read as syntax', () => {
    expect(escapeMdxText('a{b}<c>*d*_e_')).toBe('a\\{b\\}\\<c\\>\\*d\\*\\_e\\_');
    expect(escapeMdxText('1. 第一')).toBe('1\\. 第一');
    expect(escapeMdxText('# 标题')).toBe('\\# 标题');
  });

  test('reads a page without a masthead and asks for year and number', () => {
    const page = parsePage(
      '忻州：\n项目总数61个\n总投资148.17亿元\n\n科学导报讯 5月10日，忻州市共签约21个项目。\n\n畅雪',
    );
    expect(page.year).toBeUndefined();
    expect(page.review.join('\n')).toMatch(/give --year and --number/);
    expect(page.pieces).toMatchObject([
      { type: 'report', report: { reporter: '畅雪', headline: ['项目总数61个', '总投资148.17亿元'] } },
    ]);
  });
});
