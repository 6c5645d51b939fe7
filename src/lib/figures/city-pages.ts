/**
 * What a city's pages show, bounded whatever the size of the archive: the city page holds its
 * figures one row per round, its latest reports and named projects, its development zones with
 * a count each, and links to a page per year; each year page holds the reports printed that
 * year and the projects they name. Pure: no Astro imports.
 */
import { compareNewestFirst } from '#lib/archive/order.ts';
import { yearNeighbours, type YearNeighbours } from '#lib/archive/years.ts';
import type { City } from '#data/cities.ts';
import type { Round } from '#schemas/round.ts';
import type { CityRecord } from './city-record.ts';
import type { ProjectEntry, ReportEntry } from './report-entries.ts';

/** How many reports and named projects the city page lists before pointing at the year pages. */
export const LATEST_REPORTS = 10;
export const LATEST_PROJECTS = 20;
/**
 * How many rounds the city page's figures table holds (five years at four rounds a year); each
 * round's row is also on the year page of the issues that report it. Every figure is a link to
 * its clause, so a table of every round would outgrow the page budget at 100 rounds.
 */
export const LATEST_ROUND_ROWS = 20;

/** A round as the city's figures show it: its newest report, and how many more the archive holds. */
export interface CityRoundRow {
  round: Round;
  /** The newest issue's report on the round: the figures shown. */
  report: ReportEntry;
  /** Further reports on the same round, in older issues (listed on the round page). */
  others: number;
}

export interface ZoneSummary {
  /** The zone's name as printed. */
  name: string;
  /** How many of the city's reports name it. */
  reports: number;
  /** The newest report that names it. */
  latest: ReportEntry;
}

export interface CityYearLink {
  year: number;
  reports: number;
  projects: number;
}

export interface CityPage {
  city: City;
  /** One row per round, newest round first (the charts show them all). */
  rounds: CityRoundRow[];
  /** The newest LATEST_ROUND_ROWS of them: the figures table. */
  tableRounds: CityRoundRow[];
  /** The newest reports (by issue), at most LATEST_REPORTS. */
  latestReports: ReportEntry[];
  reportCount: number;
  /** Development zones the reports name, in the order first named. */
  zones: ZoneSummary[];
  /** The newest named projects, at most LATEST_PROJECTS. */
  latestProjects: ProjectEntry[];
  projectCount: number;
  /** Years with a year page, newest first. */
  years: CityYearLink[];
}

export interface CityYearPage extends YearNeighbours {
  city: City;
  year: number;
  /** Reports printed in the year's issues, newest issue first. */
  reports: ReportEntry[];
  /** The rounds those reports are on, newest round first: a figures row each, from the year's newest report. */
  rounds: CityRoundRow[];
  /** Projects named in the year's issues, newest issue first. */
  projects: ProjectEntry[];
}

const byIssueNewestFirst = (a: { issue: ReportEntry['issue'] }, b: { issue: ReportEntry['issue'] }) =>
  compareNewestFirst(a.issue, b.issue);

/** The city page's contents, from everything the archive holds about the city. */
export function cityPage(record: CityRecord): CityPage {
  const rounds = record.rounds.flatMap(({ round, reports }): CityRoundRow[] => {
    const [report] = reports;
    return report ? [{ round, report, others: reports.length - 1 }] : [];
  });
  const zones = record.zones.flatMap(({ name, reports }): ZoneSummary[] => {
    const [latest] = [...reports].sort(byIssueNewestFirst);
    return latest ? [{ name, reports: reports.length, latest }] : [];
  });
  const byIssue = [...record.reports].sort(byIssueNewestFirst);
  return {
    city: record.city,
    rounds,
    tableRounds: rounds.slice(0, LATEST_ROUND_ROWS),
    latestReports: byIssue.slice(0, LATEST_REPORTS),
    reportCount: record.reports.length,
    zones,
    latestProjects: record.projects.slice(0, LATEST_PROJECTS),
    projectCount: record.projects.length,
    years: cityYearPages(record).map(({ year, reports, projects }) => ({
      year,
      reports: reports.length,
      projects: projects.length,
    })),
  };
}

/** One page per year whose issues report on the city or name a project in it, newest year first. */
export function cityYearPages(record: CityRecord): CityYearPage[] {
  const years = new Map<number, { reports: ReportEntry[]; projects: ProjectEntry[] }>();
  const yearOf = (year: number) => {
    const known = years.get(year);
    if (known) return known;
    const fresh = { reports: [], projects: [] };
    years.set(year, fresh);
    return fresh;
  };
  for (const r of [...record.reports].sort(byIssueNewestFirst)) yearOf(r.issue.year).reports.push(r);
  for (const p of [...record.projects].sort(byIssueNewestFirst)) yearOf(p.issue.year).projects.push(p);
  const neighbours = yearNeighbours([...years.keys()]);
  const roundsIn = (year: number) =>
    record.rounds.flatMap(({ round, reports }): CityRoundRow[] => {
      const printed = reports.filter((r) => r.issue.year === year);
      const [report] = printed;
      return report ? [{ round, report, others: printed.length - 1 }] : [];
    });
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, { reports, projects }]) => ({
      city: record.city,
      year,
      reports,
      rounds: roundsIn(year),
      projects,
      ...neighbours.get(year),
    }));
}
