/**
 * The archive by year, so that no listing page grows with the whole archive: 往期 has one page
 * per year it holds an issue of (`/issues/2024/`), a city one page per year it was reported in.
 * A year is a page whose contents never change once the year is over, so its URL can be cited
 * and the incremental build reuses it. Pure.
 */
import { compareNewestFirst } from './order.ts';
import { issueCalendar, type CalendarYear } from './calendar.ts';
import type { Issue } from '#schemas/issue.ts';

type Numbered = Pick<Issue, 'year' | 'number'>;

/** How many of the newest issues the home page and the 往期 overview list. */
export const LATEST_ISSUES = 10;

/** What a list of issues shows of each one: enough to name, date and link it. */
export interface IssueListing {
  year: number;
  number: number;
  date?: string;
  pages: string[];
  /** Titles of the articles that stand on their own (not inside a compilation). */
  headlines: string[];
}

export function issueListing(issue: Issue): IssueListing {
  return {
    year: issue.year,
    number: issue.number,
    ...(issue.date === undefined ? {} : { date: issue.date }),
    pages: issue.pages.map((p) => p.id),
    headlines: issue.articles.filter((a) => !a.partOf).map((a) => a.title),
  };
}

/** A page in a series of years: the years before and after it that have a page of their own. */
export interface YearNeighbours {
  /** The nearest earlier year with a page. */
  earlier?: number;
  /** The nearest later year with a page. */
  later?: number;
}

/** Each of `years` (any order) with its neighbours among them. */
export function yearNeighbours(years: readonly number[]): Map<number, YearNeighbours> {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  return new Map(
    sorted.map((year, i) => {
      const earlier = sorted[i - 1];
      const later = sorted[i + 1];
      return [year, { ...(earlier === undefined ? {} : { earlier }), ...(later === undefined ? {} : { later }) }];
    }),
  );
}

export interface IssueYearPage<T> extends YearNeighbours {
  /** The year's calendar: numbers 1 … highest held. */
  calendar: CalendarYear<T>;
  /** The year's issues, newest first. */
  issues: T[];
}

/** One page per year the archive holds an issue of, newest year first. */
export function issueYearPages<T extends Numbered>(issues: readonly T[]): IssueYearPage<T>[] {
  const held = issueCalendar(issues).filter((y) => y.held > 0);
  const neighbours = yearNeighbours(held.map((y) => y.year));
  return held.map((calendar) => ({
    calendar,
    issues: calendar.slots.flatMap((s) => (s.issue ? [s.issue] : [])).sort(compareNewestFirst),
    ...neighbours.get(calendar.year),
  }));
}

/** A neighbouring page in a series: where it is and what to call it. */
export interface SeriesLink {
  /** Site path without the base. */
  path: string;
  label: string;
}

/** A page's neighbours in its series, in time order: `prev` is the earlier page, `next` the later. */
export interface Series {
  prev?: SeriesLink;
  next?: SeriesLink;
}

/** The prev/next links of a year page, given where each year's page is. */
export function yearSeries({ earlier, later }: YearNeighbours, path: (year: number) => string): Series {
  const link = (year: number) => ({ path: path(year), label: `${year}年` });
  return {
    ...(earlier === undefined ? {} : { prev: link(earlier) }),
    ...(later === undefined ? {} : { next: link(later) }),
  };
}
