/**
 * The importer on report texts other than the seed: the synthetic fixtures under
 * tests/fixtures/import/ (written for these tests, see its README), each with the figures a
 * careful reader takes from it, and the seed page without its `#` heading markers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isCitySlug } from '#data/cities.ts';
import { importPage } from '#lib/import/import-page.ts';
import { addScores, recallPrecision, scoreFigures, type ExpectedFigures } from '#lib/import/score.ts';
import { ROOT, readSeed } from '../support/seed.ts';

const DIR = join(ROOT, 'tests/fixtures/import');
/** `NN-name.txt` at the top and in sub-folders (`web/`: web copies, glosses, many units, look-alikes), as `web/NN-name.txt`. */
const texts = (dir: string, prefix = ''): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) =>
      statSync(join(dir, f)).isDirectory()
        ? texts(join(dir, f), `${prefix}${f}/`)
        : f.endsWith('.txt')
          ? [`${prefix}${f}`]
          : [],
    );
const fixtures = texts(DIR).map((file) => {
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/u, '.json')), 'utf8')) as ExpectedFigures;
  const city = expected.options?.city;
  const raw = readFileSync(join(DIR, file), 'utf8');
  const imported = importPage(raw, city !== undefined && isCitySlug(city) ? { city } : {});
  return { file, raw, expected, imported };
});
const byName = (prefix: string) => {
  const found = fixtures.find((f) => f.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return found;
};
const reviewOf = (prefix: string) => byName(prefix).imported.rendered.review.join('\n');

describe('the synthetic report fixtures', () => {
  test('there are at least 80 (40 of them in web/), covering at least 300 stated figures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    expect(fixtures.filter((f) => f.file.startsWith('web/')).length).toBeGreaterThanOrEqual(40);
    expect(
      addScores(fixtures.map((f) => scoreFigures({ reports: [], province: {} }, f.expected))).expected,
    ).toBeGreaterThanOrEqual(300);
  });

  test.each(fixtures.map((f) => [f.file, f] as const))('%s: the figures a careful reader takes', (_file, f) => {
    const { reports, province } = f.imported.rendered.figures;
    expect({ reports, province }).toEqual({ reports: f.expected.reports, province: f.expected.province });
  });

  test('recall ≥ 90%, precision ≥ 95%, no figure credited to another unit', () => {
    const total = addScores(fixtures.map((f) => scoreFigures(f.imported.rendered.figures, f.expected)));
    const { recall, precision } = recallPrecision(total);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(total.wrongUnit).toBe(0);
  });
});

describe('which unit a report is about', () => {
  test("a county's report is filed under its city without figures, and the review names both", () => {
    expect(reviewOf('05-')).toMatch(/is about 繁峙县 \(忻州\).*never 忻州's round figures/u);
    expect(reviewOf('06-')).toMatch(/is about 榆次区 \(晋中\)/u);
    expect(reviewOf('23-')).toMatch(/is about 孝义市 \(吕梁\)/u);
    expect(byName('05-').imported.rendered.mdx).toContain('<CityReport city="xinzhou">');
  });

  test('a 我市-only text says so and stays TODO without --city; --city sets it', () => {
    const raw = byName('15-').raw;
    const without = importPage(raw).rendered;
    expect(without.figures.reports.map((r) => r.city)).toEqual(['TODO']);
    expect(without.review.join('\n')).toMatch(/names only 我市\/本市, not which city: give --city <slug>/u);
    expect(without.mdx).toContain('<CityReport city="TODO">');
    const withCity = importPage(raw, { city: 'jinzhong' }).rendered;
    expect(withCity.figures.reports.map((r) => r.city)).toEqual(['jinzhong']);
    expect(withCity.review.join('\n')).toMatch(/taken as 晋中 \(--city jinzhong\)/u);
  });

  test("a province article's paragraphs per city become those cities' reports, nested in it", () => {
    const { mdx } = byName('04-').imported.rendered;
    expect(mdx).toMatch(
      /<Article id="lead">[\s\S]*<CityReport city="taiyuan">[\s\S]*<CityReport city="linfen">[\s\S]*<\/Article>/u,
    );
    expect(byName('04-').imported.rendered.figures.province).toEqual({
      signed: { projects: 215 },
      started: { projects: 188 },
      producing: { projects: 142 },
    });
  });

  test('a city named only in the text, in simplified or traditional script, with a pinyin gloss', () => {
    expect(byName('02-').imported.page.pieces).toMatchObject([
      {
        type: 'report',
        report: {
          city: { slug: 'yuncheng' },
          headline: ['运城市举行开发区2024年第二次“三个一批”活动'],
          reporter: '王海涛',
        },
      },
    ]);
    expect(byName('03-').imported.rendered.figures.reports.map((r) => r.city)).toEqual(['yuncheng']);
    expect(byName('22-').imported.rendered.figures.reports.map((r) => r.city)).toEqual(['zonggai']);
  });

  test('`城市：` with blank lines around it, or on one line with its headline', () => {
    const heads = (prefix: string) =>
      byName(prefix).imported.page.pieces.flatMap((p) =>
        p.type === 'report' ? [[p.report.city?.slug, p.report.headline]] : [],
      );
    expect(heads('01-')).toEqual([
      ['datong', ['签约项目20个', '总投资56.3亿元']],
      ['changzhi', ['项目总数45个', '总投资120.6亿元']],
    ]);
    expect(heads('21-')).toEqual([
      ['jincheng', ['签约项目12个', '总投资35.6亿元']],
      ['yangquan', ['开工项目9个', '总投资27.3亿元']],
    ]);
  });
});

describe('the seed page without its # heading markers', () => {
  const seed = readSeed();
  const plain = seed.replace(/^#{1,6}\s+/gmu, '');

  test('gives the same draft as with them: articles, titles, reports, figures, text', () => {
    expect(plain).not.toMatch(/^#/mu);
    expect(importPage(plain).rendered.mdx).toBe(importPage(seed).rendered.mdx);
  });

  test('finds 引题/主题/副题 of the lead and the 报道集锦 with its 编前语 from the text alone', () => {
    const articles = importPage(plain).page.pieces.flatMap((p) => (p.type === 'article' ? [p.article] : []));
    expect(articles.map((a) => [a.id, a.kind, a.kicker, a.title, a.subtitle])).toEqual([
      [
        'lead',
        '要闻',
        '持续扩大有效益的投资 为新质生产力蓄势赋能',
        '全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
        '金湘军出席并讲话',
      ],
      [
        'compilation',
        '报道集锦',
        undefined,
        '强化项目建设力度 积蓄经济发展动能',
        '——全省开发区2024年第二次“三个一批”活动各市分会场报道集锦',
      ],
      ['editors-note', '编前语', undefined, '编前语', undefined],
    ]);
  });
});
