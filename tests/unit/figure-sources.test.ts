/**
 * Where each figure is printed (src/lib/figures/sources.ts) and what the check says when that is
 * not one place. The texts below are written for the tests (the seed with one sentence added, or
 * a made-up clause), never a real report's.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFigureSources } from '#lib/check/figure-sources.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { reportFigureSources } from '#lib/figures/sources.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';

const TWICE = '据了解，本次活动，忻州市开发区共签约21个项目';
const twice = (extra = '') =>
  seedWith(TWICE, `另据统计，全市签约21个项目。${TWICE}`).replace(
    '    headline: [项目总数61个, 总投资148.17亿元]\n',
    `    headline: [项目总数61个, 总投资148.17亿元]\n${extra}`,
  );

function problemsOf(text: string): string[] {
  const dir = contentFolder({ '2024-18.mdx': text });
  const { loaded, problems } = loadIssueFile(join(dir, '2024-18.mdx'), '2024-18.mdx');
  if (!loaded) throw new Error(problems.map(formatProblem).join('\n'));
  return checkFigureSources(loaded).map(formatProblem);
}

describe('a figure’s place', () => {
  test('is the clause around the figure, between ，；： and line breaks', () => {
    const { sources } = reportFigureSources(
      { anchor: 'xinzhou', headline: ['项目总数61个'], signed: { projects: 21, investment: 70.05 } },
      '忻州市开发区共签约21个项目，总投资70.05亿元；开工23个项目。',
    );
    expect(sources.map((s) => [s.id, s.quote])).toEqual([
      ['xinzhou-signed-projects', '忻州市开发区共签约21个项目'],
      ['xinzhou-signed-investment', '总投资70.05亿元'],
    ]);
  });

  test('is the heading line when a heading line states it, even if the text states it again', () => {
    const { sources } = reportFigureSources(
      { anchor: 'xinzhou', headline: ['项目总数61个'], total: { projects: 61 } },
      '本次活动共有项目总数61个。',
    );
    expect(sources).toEqual([
      {
        id: 'xinzhou-total-projects',
        in: 'xinzhou',
        part: 'total',
        key: 'projects',
        headline: 0,
        quote: '项目总数61个',
      },
    ]);
  });

  test('the same words printed twice: the first printing', () => {
    const { sources, unplaced } = reportFigureSources(
      { anchor: 'yangquan', headline: ['x'], signed: { projects: 15 } },
      '集中签约项目15个。会后，集中签约项目15个。',
    );
    expect(unplaced).toEqual([]);
    expect(sources[0]).toMatchObject({ quote: '集中签约项目15个', occurrence: 0 });
  });

  test('two different clauses stating it: unplaced, until `sources` names one', () => {
    const report = { anchor: 'xinzhou', headline: ['x'], signed: { projects: 12 } };
    const text = '忻州市开发区集中签约项目12个，总投资30亿元。随后，在另一会场，又有签约项目12个，总投资8亿元。';
    expect(reportFigureSources(report, text).unplaced).toEqual([
      {
        part: 'signed',
        key: 'projects',
        value: 12,
        why: 'ambiguous',
        quotes: ['忻州市开发区集中签约项目12个', '又有签约项目12个'],
      },
    ]);
    const named = reportFigureSources({ ...report, sources: { 'signed.projects': '又有签约' } }, text);
    expect(named.unplaced).toEqual([]);
    expect(named.sources[0]?.quote).toBe('又有签约项目12个');
  });

  test('a figure the text does not state: missing (the figures ↔ text check reports it)', () => {
    const { unplaced } = reportFigureSources(
      { anchor: 'xinzhou', headline: ['x'], signed: { projects: 99 } },
      '签约项目12个。',
    );
    expect(unplaced).toMatchObject([{ why: 'missing' }]);
  });
});

describe('the check', () => {
  test('passes the seed: every figure has one place', () => {
    expect(problemsOf(seedMdx())).toEqual([]);
  });

  test('names a figure printed in two clauses, at its line, with both clauses and how to choose', () => {
    const text = twice();
    const line = text.split('\n').findIndex((l) => /^\s+signed: \{ projects: 21/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    expect(problemsOf(text)).toEqual([
      `2024-18.mdx:${line}: cityReports[1] 忻州 signed.projects: 21个 is stated in 2 places (“全市签约21个项目”, “忻州市开发区共签约21个项目”), so no table can link to one; name the clause meant under sources, e.g. sources: { signed.projects: 全市签约21个项目 }`,
    ]);
  });

  test('takes the clause the front-matter names', () => {
    expect(problemsOf(twice('    sources: { signed.projects: 共签约21个项目 }\n'))).toEqual([]);
  });
});
