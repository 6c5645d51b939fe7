/**
 * Grouping the reports by city and by round, sums over cities, and the chart geometry: on the
 * seed and on a second, later round made by editing a copy of it (a test-only archive).
 */
import { describe, expect, test } from 'vitest';
import { barPaths, stackedBars } from '#lib/figures/bar-chart.ts';
import { cityOverview, cityRecord } from '#lib/figures/city-record.ts';
import { roundShortLabel, roundsByYear } from '#lib/figures/round-order.ts';
import { roundSummaries } from '#lib/figures/round-summary.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { CITIES, cityBySlug } from '#data/cities.ts';
import type { Issue } from '#schemas/issue.ts';
import { SEED_MDX } from '../support/seed.ts';
import { SEED_CITY_REPORTS } from '../support/seed-figures.ts';

function seedIssue(): Issue {
  const { loaded } = loadIssueFile(SEED_MDX);
  if (!loaded) throw new Error('the seed does not load');
  return loaded.issue;
}

/** A later issue (2024年第25期) on a later round (2024-3) in which only 忻州 reports. */
function laterIssue(): Issue {
  const issue = seedIssue();
  const round = { id: '2024-3', name: '全省开发区2024年第三次“三个一批”活动', province: {} };
  return {
    ...issue,
    number: 25,
    synthetic: true,
    rounds: [round],
    cityReports: [
      { city: 'xinzhou', round: '2024-3', headline: ['test'], zones: [], signed: { projects: 5, investment: 10.5 } },
    ],
    projects: [],
  };
}

const xinzhou = cityBySlug('xinzhou');
if (!xinzhou) throw new Error('忻州 is not in the registry');

describe('a city across rounds', () => {
  test('the seed: 忻州 has one report, on 2024-2, linked to its anchor', () => {
    const record = cityRecord([seedIssue()], xinzhou);
    expect(record.reports.map((r) => [r.round.id, r.issue.label, r.path])).toEqual([
      ['2024-2', '2024年第18期', '/issues/2024/18/#xinzhou'],
    ]);
    expect(record.zones.map((z) => z.name)).toEqual([
      '繁峙经济技术开发区',
      '忻州经济开发区',
      '原平经济技术开发区',
      '崞崞经济技术开发区',
      '五台现代农业产业示范区',
    ]);
    expect(record.projects).toHaveLength(5);
  });

  test('reports come newest round first, whatever order the issues are given in', () => {
    for (const issues of [
      [seedIssue(), laterIssue()],
      [laterIssue(), seedIssue()],
    ]) {
      const record = cityRecord(issues, xinzhou);
      expect(record.reports.map((r) => r.round.id)).toEqual(['2024-3', '2024-2']);
      expect(record.rounds.map((g) => g.round.id)).toEqual(['2024-3', '2024-2']);
    }
  });

  test('the overview lists every unit of the registry, latest report or none', () => {
    const overview = cityOverview([seedIssue(), laterIssue()]);
    expect(overview.map((c) => c.city.slug)).toEqual(CITIES.map((c) => c.slug));
    const x = overview.find((c) => c.city.slug === 'xinzhou');
    expect([x?.latest?.round.id, x?.reportCount]).toEqual(['2024-3', 2]);
    expect(overview.filter((c) => !c.latest).map((c) => c.city.name)).toEqual([
      '大同',
      '长治',
      '晋城',
      '临汾',
      '运城',
      '综改区',
    ]);
  });
});

describe('rounds', () => {
  test('newest first; each lists its reporting cities in registry order and the rest as unreported', () => {
    const [later, seed] = roundSummaries([seedIssue(), laterIssue()]);
    expect([later?.round.id, seed?.round.id]).toEqual(['2024-3', '2024-2']);
    expect(seed?.reports.map((r) => r.cityName)).toEqual(['太原', '朔州', '忻州', '阳泉', '晋中', '吕梁']);
    expect(seed?.unreported.map((c) => c.name)).toEqual(['大同', '长治', '晋城', '临汾', '运城', '综改区']);
    expect(seed?.issues.map((i) => i.key)).toEqual(['2024-18']);
  });

  test('sums add up only what cities state, counting the cities, each city once', () => {
    const [seed] = roundSummaries([seedIssue()]);
    expect(seed?.sums.signed).toEqual({
      projects: { sum: 94, cities: 6 },
      investment: { sum: 307.16, cities: 5 },
      expectedOutput: { sum: 16.23, cities: 1 },
    });
    // Stated totals only: 吕梁's expected output is our sum, so it is not added in.
    expect(seed?.sums.total).toEqual({
      projects: { sum: 190, cities: 4 },
      investment: { sum: 565.28, cities: 4 },
      expectedOutput: { sum: 76.01, cities: 1 },
    });
    // A second issue reporting 2024-2 again for 忻州: counted once, with the newer report.
    const again = {
      ...laterIssue(),
      rounds: seedIssue().rounds,
      cityReports: [{ ...laterIssue().cityReports[0]!, round: '2024-2' }],
    };
    const [twice] = roundSummaries([seedIssue(), again]);
    expect(twice?.repeated).toBe(true);
    expect(twice?.reports.filter((r) => r.report.city === 'xinzhou').map((r) => r.issue.key)).toEqual([
      '2024-25',
      '2024-18',
    ]);
    expect(twice?.sums.signed?.projects).toEqual({ sum: 94 - 21 + 5, cities: 6 });
  });

  test('rounds group by the year in their id, in the order given', () => {
    const rounds = ['2024-2', '2024-1', '2023-4', '2021-1'].map((id) => ({ round: { id } }));
    expect(roundsByYear(rounds).map((y) => [y.year, y.rounds.map((r) => r.round.id)])).toEqual([
      [2024, ['2024-2', '2024-1']],
      [2023, ['2023-4']],
      [2021, ['2021-1']],
    ]);
  });

  test('a round is labelled by the part of its printed name that numbers it', () => {
    expect(roundShortLabel({ name: '全省开发区2024年第二次“三个一批”活动' })).toBe('2024年第二次');
    expect(roundShortLabel({ name: '全省开发区2021年第一期“三个一批”活动' })).toBe('2021年第一期');
    expect(roundShortLabel({ name: '“三个一批”活动' })).toBe('“三个一批”活动');
  });
});

/** 忻州's stated investment per batch and its stated total, from the seed (DOMAIN.md). */
const XINZHOU = SEED_CITY_REPORTS.find((r) => r.city === 'xinzhou');
const XINZHOU_INVESTMENT = {
  signed: { investment: XINZHOU?.signed.investment },
  started: { investment: XINZHOU?.started?.investment },
  producing: { investment: XINZHOU?.producing?.investment },
  total: { investment: XINZHOU?.total?.investment },
};

describe('the bar chart', () => {
  test('stacks only stated batches, outlines a stated total, and scales to the widest bar', () => {
    const chart = stackedBars(
      [
        {
          label: 'a',
          figures: XINZHOU_INVESTMENT,
        },
        { label: 'b', figures: { signed: { investment: 74.085 } } },
        { label: 'c', figures: { signed: { projects: 3 } } },
      ],
      'investment',
      { width: 300 },
    );
    const [a, b, c] = chart.rows;
    expect(a?.segments.map((s) => s.batch)).toEqual(['signed', 'started', 'producing']);
    expect(a?.total).toMatchObject({ value: 148.17, derived: false });
    expect(a?.total?.width).toBeCloseTo(300);
    expect(b?.segments.map((s) => [s.batch, s.x])).toEqual([['signed', 0]]);
    expect(b?.segments[0]?.width).toBeCloseTo(150);
    expect(b?.total).toBeUndefined();
    expect(c?.segments).toEqual([]);
    expect(chart.empty).toBe(false);
  });

  test('a derived total is drawn as derived; nothing stated means an empty chart', () => {
    const chart = stackedBars(
      [
        {
          label: 'x',
          figures: { signed: { projects: 1 }, started: { projects: 2 }, producing: { projects: 3 } },
          derived: { projects: 6 },
        },
      ],
      'projects',
    );
    expect(chart.rows[0]?.total?.derived).toBe(true);
    expect(stackedBars([{ label: 'y', figures: { signed: { projects: 1 } } }], 'investment').empty).toBe(true);
  });

  test('bars are drawn as one path per batch and per kind of total; stacked boxes meet exactly', () => {
    const chart = stackedBars(
      [
        {
          label: 'a',
          figures: XINZHOU_INVESTMENT,
        },
        {
          label: 'b',
          figures: { signed: { investment: 1 }, started: { investment: 1 }, producing: { investment: 1 } },
          derived: { investment: 3 },
        },
      ],
      'investment',
      { width: 300 },
    );
    const [a] = chart.rows;
    for (const [left, right] of [
      [0, 1],
      [1, 2],
    ] as const) {
      const l = a?.segments[left];
      expect(l && Math.round((l.x + l.width) * 10) / 10).toBe(a?.segments[right]?.x);
    }
    // Coordinates to a tenth of a unit.
    expect(a?.segments.every((s) => Number.isInteger(s.x * 10) && Number.isInteger(Math.round(s.width * 10)))).toBe(
      true,
    );
    const paths = barPaths(chart);
    expect(Object.keys(paths.batches)).toEqual(['signed', 'started', 'producing']);
    expect(paths.batches.signed?.match(/M/g)).toHaveLength(2);
    expect(paths.batches.signed?.startsWith(`M0 ${a?.barY}h${a?.segments[0]?.width}v18h-`)).toBe(true);
    expect(paths.total.match(/z/g)).toHaveLength(1);
    expect(paths.derivedTotal.match(/z/g)).toHaveLength(1);
  });
});
