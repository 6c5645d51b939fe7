/** The 往期 by year: a page per held year, its issues, and the years on either side. */
import { describe, expect, test } from 'vitest';
import { issueListing, issueYearPages, yearNeighbours, yearSeries } from '#lib/archive/years.ts';
import { issueYearPath } from '#lib/site/routes.ts';
import { contentKey } from '#lib/site/cache-key.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { SEED_MDX } from '../support/seed.ts';

const held = (...keys: string[]) =>
  keys.map((k) => {
    const [year, number] = k.split('-').map(Number);
    return { year: year ?? 0, number: number ?? 0 };
  });

describe('year pages of 往期', () => {
  test('one page per year that holds an issue, newest year first, its issues newest first', () => {
    const pages = issueYearPages(held('2022-3', '2024-5', '2022-1', '2024-2'));
    expect(pages.map((p) => p.calendar.year)).toEqual([2024, 2022]);
    expect(pages[0]?.issues.map((i) => i.number)).toEqual([5, 2]);
    expect(pages[1]?.issues.map((i) => i.number)).toEqual([3, 1]);
    // The calendar of the year stays whole: numbers 1 … highest held.
    expect(pages[0]?.calendar.slots.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
  });

  test('a year links to the nearest years that have a page, skipping a year with nothing archived', () => {
    const [y2024, y2022] = issueYearPages(held('2022-3', '2024-5'));
    expect([y2024?.earlier, y2024?.later]).toEqual([2022, undefined]);
    expect([y2022?.earlier, y2022?.later]).toEqual([undefined, 2024]);
  });

  test('prev is the earlier year and next the later one, each named and linked', () => {
    expect(yearSeries({ earlier: 2022, later: 2025 }, issueYearPath)).toEqual({
      prev: { path: '/issues/2022/', label: '2022年' },
      next: { path: '/issues/2025/', label: '2025年' },
    });
    expect(yearSeries({}, issueYearPath)).toEqual({});
    expect(yearNeighbours([2001, 2003, 2001]).get(2001)).toEqual({ later: 2003 });
  });

  test('an issue is listed with its date only when known, and the titles of its stand-alone articles', () => {
    const { loaded } = loadIssueFile(SEED_MDX);
    if (!loaded) throw new Error('the seed does not load');
    const listing = issueListing(loaded.issue);
    expect(listing).toEqual({
      year: 2024,
      number: 18,
      pages: ['D1'],
      headlines: [
        '全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行',
        '强化项目建设力度 积蓄经济发展动能',
      ],
    });
  });

  test('adding an issue changes the key of its own year page only, so the build reuses the others', () => {
    const keys = (issues: ReturnType<typeof held>) =>
      new Map(issueYearPages(issues).map((p) => [p.calendar.year, contentKey(p)]));
    const before = keys(held('2022-1', '2023-1', '2024-1'));
    const after = keys(held('2022-1', '2023-1', '2024-1', '2024-2'));
    expect(after.get(2024)).not.toBe(before.get(2024));
    expect(after.get(2023)).toBe(before.get(2023));
    expect(after.get(2022)).toBe(before.get(2022));
    // The first issue of a new year also changes the year before it: its 下一页 now leads there.
    const newYear = keys(held('2022-1', '2023-1', '2024-1', '2025-1'));
    expect(newYear.get(2024)).not.toBe(before.get(2024));
    expect(newYear.get(2023)).toBe(before.get(2023));
  });

  test('an empty archive has no year pages', () => {
    expect(issueYearPages([])).toEqual([]);
  });
});
