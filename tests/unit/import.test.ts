import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePage } from '#lib/import/page-text.ts';
import { escapeMdxText } from '#lib/import/to-mdx.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { SEED_CITY_REPORTS, SEED_PROVINCE } from '../support/seed-figures.ts';
import { ROOT, SEED_PATH, clauses, readSeed } from '../support/seed.ts';

const runImport = (...args: string[]) =>
  execFileSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('npm run import -- <seed> --json', () => {
  const figures = JSON.parse(runImport(SEED_PATH, '--json'));

  test("prints the seed's six city reports with exactly DOMAIN.md's figures, and the province's", () => {
    expect(figures).toEqual({
      reports: SEED_CITY_REPORTS.map(({ cityName: _, ...figures }) => figures),
      province: SEED_PROVINCE,
    });
  });
});

describe('npm run import -- <seed> --out draft.mdx', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kfjz-import-')), '2024-18.mdx');
  const log = runImport(SEED_PATH, '--year', '2024', '--number', '18', '--out', out);
  const { loaded, problems } = loadIssueFile(out);

  test('writes a draft that passes the content check', () => {
    expect(log).toContain(`draft written to ${out}`);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('keeps every clause of the seed in the text, column breaks joined', () => {
    const m = loaded?.issue.masthead;
    // The masthead is held as fields; the issue page prints them as this line.
    const mastheadLine = `${loaded?.issue.year}年第${loaded?.issue.number}期 邮发代号：${m?.postalCode} 投稿邮箱：${m?.email} ${m?.guidedBy} 指导`;
    const text = [
      mastheadLine,
      loaded?.body.text,
      ...(loaded?.issue.articles.flatMap((a) => [a.kicker, a.title, a.subtitle]) ?? []),
      ...(loaded?.issue.cityReports.flatMap((r) => r.headline) ?? []),
      ...(loaded?.issue.masthead.slogans ?? []),
    ]
      .join('\n')
      .replace(/\s+/g, ' ');
    const missing = clauses(readSeed()).filter((c) => !text.includes(c) && c !== '开发区建设');
    expect(missing).toEqual([]);
    expect(text).toContain('三要突出问题导向');
    expect(text).toContain('晋川合成材料股份有限公司');
  });

  test('recognises the structure: 引题/主题/副题, dateline, bylines, reports in the compilation', () => {
    const lead = loaded?.issue.articles[0];
    expect(lead).toMatchObject({
      id: 'lead',
      kicker: '持续扩大有效益的投资 为新质生产力蓄势赋能',
      subtitle: '金湘军出席并讲话',
      dateline: '科学导报讯 5月10日',
      byline: ['张巨峰'],
    });
    expect(loaded?.issue.cityReports.map((r) => [r.city, r.reporter, r.article])).toEqual([
      ['taiyuan', '王媛', 'compilation'],
      ['xinzhou', '畅雪', 'compilation'],
      ['yangquan', '郭强', 'compilation'],
      ['shuozhou', '刘成根', 'compilation'],
      ['jinzhong', '郝光明', 'compilation'],
      ['lvliang', '李全明', 'compilation'],
    ]);
    expect(loaded?.issue.missingPages).toEqual(['D3']);
    expect(readFileSync(out, 'utf8')).toContain('{/* 审校：此段由两段拼接');
  });

  test('refuses to overwrite an existing file', () => {
    expect(() => runImport(SEED_PATH, '--year', '2024', '--number', '18', '--out', out)).toThrow(
      /exists; it is not overwritten/,
    );
  });
});

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
