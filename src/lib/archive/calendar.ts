/**
 * The 往期 calendar: per year, every issue number from 1 up to the highest number the archive
 * holds for that year, each either held or not. Numbers above the highest held are not shown
 * (we do not know whether they were printed); a year between held years with nothing held is
 * listed empty rather than left out. Pure.
 */
import type { Issue } from '#schemas/issue.ts';

type Numbered = Pick<Issue, 'year' | 'number'>;

export interface CalendarSlot<T> {
  number: number;
  /** The archived issue with this number, if the archive holds it. */
  issue?: T;
}

export interface CalendarYear<T> {
  year: number;
  /** Numbers 1…highest held, in order; empty for a year the archive holds nothing of. */
  slots: CalendarSlot<T>[];
  held: number;
}

/** Years newest first. */
export function issueCalendar<T extends Numbered>(issues: readonly T[]): CalendarYear<T>[] {
  if (issues.length === 0) return [];
  const byYear = new Map<number, Map<number, T>>();
  for (const i of issues) {
    const year = byYear.get(i.year) ?? new Map<number, T>();
    year.set(i.number, i);
    byYear.set(i.year, year);
  }
  const years = [...byYear.keys()];
  const out: CalendarYear<T>[] = [];
  for (let year = Math.max(...years); year >= Math.min(...years); year--) {
    const held = byYear.get(year) ?? new Map<number, T>();
    const highest = held.size > 0 ? Math.max(...held.keys()) : 0;
    const slots = Array.from({ length: highest }, (_, k): CalendarSlot<T> => {
      const issue = held.get(k + 1);
      return issue ? { number: k + 1, issue } : { number: k + 1 };
    });
    out.push({ year, slots, held: held.size });
  }
  return out;
}

/** `1–17`, `3、5–6`: the numbers not held, as ranges, for a one-line summary. */
export function gapRanges(slots: readonly CalendarSlot<unknown>[]): string {
  const ranges: [number, number][] = [];
  for (const s of slots) {
    if (s.issue) continue;
    const last = ranges.at(-1);
    if (last && last[1] === s.number - 1) last[1] = s.number;
    else ranges.push([s.number, s.number]);
  }
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join('、');
}
