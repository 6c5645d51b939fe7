import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadIssueFile, loadIssues } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';
import { SEED_PROVINCE, seedFigures } from '../support/seed-figures.ts';
import { SEED_MDX } from '../support/seed.ts';

/** Problems for one issue text, formatted as `npm run check` prints them. */
function problemsOf(text: string): string[] {
  const dir = contentFolder({ '2024-18.mdx': text });
  return loadIssueFile(join(dir, '2024-18.mdx'), 'content/issues/2024-18.mdx').problems.map(formatProblem);
}

describe('the issue schema', () => {
  test('accepts the seed issue as transcribed', () => {
    const { loaded, problems } = loadIssueFile(SEED_MDX);
    expect(problems).toEqual([]);
    const xinzhou = loaded?.issue.cityReports.find((r) => r.city === 'xinzhou');
    expect(xinzhou?.total).toEqual(seedFigures('xinzhou').total);
    expect(loaded?.issue.date).toBeUndefined();
    expect(loaded?.issue.rounds[0]?.province.signed).toEqual(SEED_PROVINCE.signed);
  });

  test('rejects a total that disagrees with its parts, naming file, line, city and both values', () => {
    const [p, ...rest] = problemsOf(
      seedWith('total: { projects: 61, investment: 148.17 }', 'total: { projects: 61, investment: 149.17 }'),
    );
    expect(rest).toEqual([]);
    expect(p).toMatch(/^content\/issues\/2024-18\.mdx:\d+: cityReports\[1\] 忻州 total\.investment: /);
    expect(p).toContain('149.17');
    expect(p).toContain('148.17');
  });

  test('rejects a project count total off by one', () => {
    const problems = problemsOf(
      seedWith('total: { projects: 37, investment: 88.34', 'total: { projects: 38, investment: 88.34'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/cityReports\[3\] 朔州 total\.projects: .*38个.*37个/);
  });

  test('rejects an unknown city and lists the known ones', () => {
    const problems = problemsOf(seedWith('- city: yangquan', '- city: yangchuan'));
    expect(problems[0]).toMatch(
      /cityReports\[2\] city: unknown city "yangchuan"; expected one of: taiyuan \(太原\).*zonggai \(综改区\)/,
    );
  });

  test('rejects negative and non-numeric figures', () => {
    expect(
      problemsOf(
        seedWith('signed: { projects: 15, investment: 77.01 }', 'signed: { projects: -15, investment: 77.01 }'),
      )[0],
    ).toMatch(/cityReports\[2\] 阳泉 signed\.projects: projects cannot be negative/);
    expect(
      problemsOf(
        seedWith('signed: { projects: 15, investment: 77.01 }', 'signed: { projects: 15, investment: 77.01亿元 }'),
      )[0],
    ).toMatch(/cityReports\[2\] 阳泉 signed\.investment: expected a number of 亿元/);
  });

  test('rejects a city report whose round is not declared', () => {
    const problems = problemsOf(seedWith('- city: jinzhong\n    round: 2024-2', '- city: jinzhong\n    round: 2024-3'));
    expect(problems[0]).toMatch(
      /cityReports\[4\] 晋中 round: 晋中 reports on round "2024-3", which this issue does not declare/,
    );
  });

  test('rejects a duplicate issue (same year and number in two files)', () => {
    const dir = contentFolder({ '2024-18.mdx': seedMdx(), '2024-18-copy.mdx': seedMdx() });
    const problems = loadIssues(dir, dir).problems.map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(
        /^2024-18\.mdx:5: year\/number: issue 2024-18 \(2024年第18期\) is already in 2024-18-copy\.mdx/,
      ),
    ]);
  });

  test('rejects a front-matter entry with no text in the body, and text with no entry', () => {
    expect(problemsOf(seedWith('<CityReport city="jinzhong">', '<CityReport city="datong">')).join('\n')).toMatch(
      /<CityReport> "datong" in the text has no entry under cityReports[\s\S]*cityReports\[4\] 晋中: declared in the front-matter but the text has no <CityReport city="jinzhong">/,
    );
  });

  test('rejects a misspelt field instead of silently ignoring it', () => {
    expect(
      problemsOf(
        seedWith('producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17, investmnet: 12.24 }'),
      )[0],
    ).toMatch(
      /cityReports\[1\] 忻州 producing: unknown field "investmnet"; expected one of: projects, investment, expectedOutput/,
    );
  });
});
