/**
 * A city's pages stay bounded however many issues report on it: one figures row per round, the
 * latest reports and projects, and every report on exactly one year page. The archive here is
 * the seed plus test-only copies of it, each marked synthetic, on other rounds and issues.
 */
import { describe, expect, test } from 'vitest';
import { cityRecord } from '#lib/figures/city-record.ts';
import {
  LATEST_PROJECTS,
  LATEST_REPORTS,
  LATEST_ROUND_ROWS,
  cityPage,
  cityYearPages,
} from '#lib/figures/city-pages.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { cityBySlug } from '#data/cities.ts';
import { contentKey } from '#lib/site/cache-key.ts';
import type { Issue } from '#schemas/issue.ts';
import { SEED_MDX } from '../support/seed.ts';

const { loaded } = loadIssueFile(SEED_MDX);
if (!loaded) throw new Error('the seed does not load');
const seed: Issue = loaded.issue;

/** A synthetic copy of the seed as issue `number` of `year`, reporting on round `round` (`2022-3`). */
function copy(year: number, number: number, round: string): Issue {
  const [ry, rn] = round.split('-');
  return {
    ...seed,
    year,
    number,
    synthetic: true,
    rounds: [{ id: round, name: `全省开发区${ry}年第${rn}次“三个一批”活动`, province: {} }],
    cityReports: seed.cityReports.map((r) => ({ ...r, round })),
    projects: seed.projects.map((p) => ({ ...p, round })),
  };
}

/** 30 copies over 2021–2023, ten a year, a new round every five issues: 6 rounds. */
const archive = (): Issue[] => [
  seed,
  ...[2021, 2022, 2023].flatMap((year) =>
    Array.from({ length: 10 }, (_, i) => copy(year, i + 1, `${year}-${i < 5 ? 1 : 2}`)),
  ),
];

const xinzhou = cityBySlug('xinzhou');
const datong = cityBySlug('datong');
if (!xinzhou || !datong) throw new Error('忻州 or 大同 is not in the registry');

describe('the city page', () => {
  const page = cityPage(cityRecord(archive(), xinzhou));

  test('shows one figures row per round, newest round first, from the newest report on it', () => {
    expect(page.rounds.map((r) => r.round.id)).toEqual([
      '2024-2',
      '2023-2',
      '2023-1',
      '2022-2',
      '2022-1',
      '2021-2',
      '2021-1',
    ]);
    const r2023 = page.rounds.find((r) => r.round.id === '2023-2');
    expect(r2023?.report.issue.label).toBe('2023年第10期');
    expect(r2023?.others).toBe(4);
    expect(page.rounds[0]?.others).toBe(0);
  });

  test('lists only the latest reports, newest issue first, and counts them all', () => {
    expect(page.reportCount).toBe(31);
    expect(page.latestReports).toHaveLength(LATEST_REPORTS);
    expect(page.latestReports.map((r) => r.issue.label).slice(0, 3)).toEqual([
      '2024年第18期',
      '2023年第10期',
      '2023年第9期',
    ]);
  });

  test('names each development zone once, with how many reports name it and the newest', () => {
    const zone = page.zones.find((z) => z.name === '繁峙经济技术开发区');
    expect(zone?.reports).toBe(31);
    expect(zone?.latest.issue.label).toBe('2024年第18期');
    expect(page.zones.map((z) => z.name)).toHaveLength(5);
  });

  test('lists at most the latest named projects', () => {
    expect(page.projectCount).toBe(31 * 5);
    expect(page.latestProjects).toHaveLength(LATEST_PROJECTS);
    expect(page.latestProjects[0]?.issue.label).toBe('2024年第18期');
  });

  test('links every year with its counts, newest first', () => {
    expect(page.years).toEqual([
      { year: 2024, reports: 1, projects: 5 },
      { year: 2023, reports: 10, projects: 50 },
      { year: 2022, reports: 10, projects: 50 },
      { year: 2021, reports: 10, projects: 50 },
    ]);
  });
});

describe('the figures table of a city over many rounds', () => {
  // 2010–2016, four rounds a year, one issue each: 28 rounds, more than the city page's table holds.
  const many = Array.from({ length: 28 }, (_, i) =>
    copy(2010 + Math.floor(i / 4), (i % 4) + 1, `${2010 + Math.floor(i / 4)}-${(i % 4) + 1}`),
  );
  const record = cityRecord(many, xinzhou);

  test('the city page: every round in the charts, the newest LATEST_ROUND_ROWS in the table', () => {
    const page = cityPage(record);
    expect(page.rounds).toHaveLength(28);
    expect(page.tableRounds.map((r) => r.round.id)).toEqual(
      page.rounds.slice(0, LATEST_ROUND_ROWS).map((r) => r.round.id),
    );
    expect(page.tableRounds[0]?.round.id).toBe('2016-4');
  });

  test('every round has its row on the year page of the issues that report it', () => {
    const years = cityYearPages(record);
    expect(years.flatMap((y) => y.rounds.map((r) => r.round.id)).sort()).toEqual(
      cityPage(record)
        .rounds.map((r) => r.round.id)
        .sort(),
    );
    expect(years.find((y) => y.year === 2010)?.rounds.map((r) => r.round.id)).toEqual([
      '2010-4',
      '2010-3',
      '2010-2',
      '2010-1',
    ]);
  });
});

describe('the year pages of a city', () => {
  const record = cityRecord(archive(), xinzhou);
  const years = cityYearPages(record);

  test('hold every report and project exactly once, each in the year of its issue', () => {
    const reports = years.flatMap((y) => y.reports.map((r) => r.path));
    expect(reports.toSorted()).toEqual(record.reports.map((r) => r.path).toSorted());
    for (const y of years) for (const r of y.reports) expect(r.issue.year).toBe(y.year);
    expect(years.flatMap((y) => y.projects)).toHaveLength(record.projects.length);
  });

  test('list their reports newest issue first and link the years on either side', () => {
    const y2022 = years.find((y) => y.year === 2022);
    expect(y2022?.reports.map((r) => r.issue.number)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect([y2022?.earlier, y2022?.later]).toEqual([2021, 2023]);
    expect(years.map((y) => y.year)).toEqual([2024, 2023, 2022, 2021]);
  });

  test('a new issue changes the key of its own year page only, so the build reuses past years', () => {
    const keys = (issues: Issue[]) =>
      new Map(cityYearPages(cityRecord(issues, xinzhou)).map((y) => [y.year, contentKey(y)]));
    const before = keys(archive());
    const after = keys([...archive(), copy(2024, 25, '2024-3')]);
    expect(after.get(2024)).not.toBe(before.get(2024));
    for (const year of [2021, 2022, 2023]) expect(after.get(year), String(year)).toBe(before.get(year));
  });

  test('a city the archive never reports on has none, and its page says nothing is held', () => {
    const none = cityRecord(archive(), datong);
    expect(cityYearPages(none)).toEqual([]);
    expect(cityPage(none)).toMatchObject({ rounds: [], latestReports: [], reportCount: 0, years: [] });
  });
});
