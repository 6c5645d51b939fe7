/** Ordering and grouping of issues for the archive pages. Pure. */
import type { Issue } from '#schemas/issue.ts';

type Numbered = Pick<Issue, 'year' | 'number'>;

/** Newest first: by year, then number. The archive's one order for issues. */
export const compareNewestFirst = (a: Numbered, b: Numbered) => b.year - a.year || b.number - a.number;

export function newestFirst<T extends Numbered>(issues: readonly T[]): T[] {
  return [...issues].sort(compareNewestFirst);
}

/** Issues grouped by year, years newest first, issues newest first within a year. */
export function groupByYear<T extends Numbered>(issues: readonly T[]): { year: number; issues: T[] }[] {
  const groups = new Map<number, T[]>();
  for (const i of newestFirst(issues)) {
    const list = groups.get(i.year) ?? [];
    list.push(i);
    groups.set(i.year, list);
  }
  return [...groups].map(([year, list]) => ({ year, issues: list }));
}

/** The issues before and after `current` in publication order. */
export function neighbours<T extends Numbered>(issues: readonly T[], current: Numbered): { previous?: T; next?: T } {
  const sorted = newestFirst(issues).reverse();
  const i = sorted.findIndex((x) => x.year === current.year && x.number === current.number);
  const previous = i > 0 ? sorted[i - 1] : undefined;
  const next = i >= 0 ? sorted[i + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** `2024年5月10日`, `2024年5月`, `2024年`: only as much as is known. */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}
