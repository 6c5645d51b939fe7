/**
 * The importer on real report texts: ../shared/real-reports/dNN (input.txt + expected.json), read
 * in place at test time and never copied into the repository. Each case is held to its
 * expected.json (by position, exact to 0.01) and to its mustNotAppear list (no city report may
 * carry one of those numbers). In a clone without ../shared (the pull-request workflow) the
 * single test below says by name that the texts are absent; CI here always has them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importPage } from '#lib/import/import-page.ts';
import { addScores, recallPrecision, scoreRealReport, type RealExpected } from '#lib/import/score.ts';
import { ROOT } from '../support/seed.ts';

const DIR = resolve(ROOT, '../shared/real-reports');
const present = existsSync(DIR);
const cases = present
  ? readdirSync(DIR)
      .filter((d) => existsSync(join(DIR, d, 'input.txt')))
      .sort()
      .map((name) => {
        const expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as RealExpected;
        const { rendered } = importPage(readFileSync(join(DIR, name, 'input.txt'), 'utf8'));
        return { name, expected, rendered, score: scoreRealReport(rendered.figures, expected) };
      })
  : [];

describe('real report texts (../shared/real-reports)', () => {
  test.skipIf(present)(
    'real reports: ../shared/real-reports is absent in this clone, so they are not tested here',
    () => {
      expect(present).toBe(false);
    },
  );

  test.runIf(present)('the folder holds the 26 cases with 4 stated figures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(26);
    expect(addScores(cases.map((c) => c.score)).expected).toBeGreaterThanOrEqual(4);
  });

  test.runIf(present).each(cases.map((c) => [c.name, c] as const))(
    '%s: exactly the figures of its expected.json, none of its mustNotAppear numbers',
    (_name, c) => {
      expect(c.score.missed).toEqual([]);
      expect(c.score.extra).toEqual([]);
      expect(c.score.scope).toEqual([]);
    },
  );

  test.runIf(present)('all stated figures found, precision ≥ 95%, no scope error', () => {
    const total = addScores(cases.map((c) => c.score));
    const { recall, precision } = recallPrecision(total);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(cases.reduce((n, c) => n + c.score.scopeErrors, 0)).toBe(0);
  });

  test.runIf(present)('a text that reports no Shanxi round gets a review line saying why', () => {
    const review = (name: string) => cases.find((c) => c.name === name)?.rendered.review.join('\n') ?? '';
    expect(review('d10')).toMatch(/no figures taken: a city's quarterly 重点项目集中开工, not a “三个一批” round/u);
    expect(review('d25')).toMatch(/no figures taken: another province's “三个一批” \(第N期/u);
    expect(review('d19')).toMatch(/no figures taken: another province's “三个一批” \(大会战/u);
  });
});
