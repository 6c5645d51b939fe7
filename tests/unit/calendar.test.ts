import { describe, expect, test } from 'vitest';
import { gapRanges, issueCalendar } from '#lib/archive/calendar.ts';

const held = (...keys: string[]) =>
  keys.map((k) => {
    const [year, number] = k.split('-').map(Number);
    return { year: year ?? 0, number: number ?? 0 };
  });

describe('the 往期 calendar', () => {
  test('the seed archive: 2024 shows numbers 1–18, only 18 held, nothing beyond it', () => {
    const [y2024, ...rest] = issueCalendar(held('2024-18'));
    expect(rest).toEqual([]);
    expect(y2024?.year).toBe(2024);
    expect(y2024?.slots.map((s) => s.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(y2024?.slots.filter((s) => s.issue).map((s) => s.number)).toEqual([18]);
    expect(y2024?.held).toBe(1);
    expect(gapRanges(y2024?.slots ?? [])).toBe('1–17');
  });

  test('years newest first; a year between held years is listed with no numbers', () => {
    const cal = issueCalendar(held('2022-3', '2024-2', '2024-5'));
    expect(cal.map((y) => [y.year, y.slots.length, y.held])).toEqual([
      [2024, 5, 2],
      [2023, 0, 0],
      [2022, 3, 1],
    ]);
    expect(gapRanges(cal[0]?.slots ?? [])).toBe('1、3–4');
  });

  test('an empty archive has no calendar', () => {
    expect(issueCalendar([])).toEqual([]);
  });
});
