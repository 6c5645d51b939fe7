import { describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';

const problemsOf = (text: string) => {
  const dir = contentFolder({ '2024-18.mdx': text });
  return checkContent(dir, dir).map(formatProblem);
};

describe('figures ↔ text', () => {
  test('the seed agrees with itself', () => {
    expect(problemsOf(seedMdx())).toEqual([]);
  });

  test('catches a figure changed only in the text, naming city, batch and both values', () => {
    expect(problemsOf(seedWith('投产17个项目，总投资12.24亿元', '投产17个项目，总投资12.34亿元'))).toEqual([
      expect.stringMatching(
        /^2024-18\.mdx:\d+: cityReports\[1\] 忻州 producing\.investment: 忻州 投产一批: the front-matter says 12\.24亿元 but the report's text says 12\.34亿元/,
      ),
    ]);
  });

  test('catches a figure changed only in the front-matter', () => {
    expect(problemsOf(seedWith('signed: { projects: 14 }', 'signed: { projects: 15 }'))).toEqual([
      expect.stringMatching(
        /cityReports\[0\] 太原 signed\.projects: 太原 签约一批: the front-matter says 15个 but the report's text says 14个/,
      ),
    ]);
  });

  test('catches a front-matter figure the text does not state at all', () => {
    const [p] = problemsOf(seedWith('signed: { projects: 14 }', 'signed: { projects: 14, investment: 3.5 }'));
    expect(p).toMatch(/太原 签约一批: the front-matter says 3\.5亿元 but the report's text does not state it/);
  });

  test('warns when the text states a batch figure the front-matter lacks', () => {
    const problems = problemsOf(
      seedWith('producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17 }').replace(
        'total: { projects: 61, investment: 148.17 }',
        'total: { projects: 61 }',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /warning: .*忻州 投产一批: the text states 12\.24亿元 but the front-matter has no producing\.investment/,
        ),
      ]),
    );
    expect(problems.every((p) => p.includes('warning: '))).toBe(true);
  });

  test("checks the province's figures against the issue's text", () => {
    expect(problemsOf(seedWith('started: { projects: 194 }', 'started: { projects: 195 }'))).toEqual([
      expect.stringMatching(
        /rounds\[0\] province started\.projects: round 2024-2 全省 开工一批: 195个 does not occur in the issue's text/,
      ),
    ]);
  });
});
