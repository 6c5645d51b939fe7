/**
 * Every city report and named project in the archive with the round it reports on and the issue
 * that prints it, in the orders the city, round and overview pages list them. Pure: no Astro imports.
 */
import { compareNewestFirst, newestFirst } from '#lib/archive/order.ts';
import { CITIES, cityName } from '#data/cities.ts';
import type { CityReport } from '#schemas/city-report.ts';
import { issueIdentity, type Issue } from '#schemas/issue.ts';
import type { NamedProject } from '#schemas/project.ts';
import type { Round } from '#schemas/round.ts';
import { issueAnchorPath, issuePath } from '#lib/site/routes.ts';
import { deriveTotals, type DerivedFigures } from './arithmetic.ts';
import { roundRank } from './round-order.ts';

/** What a page needs to name and link an issue. */
export interface IssueRef {
  /** `2024-18`. */
  key: string;
  /** `2024年第18期`. */
  label: string;
  year: number;
  number: number;
  /** Site path without the base (`/issues/2024/18/`). */
  path: string;
  date?: string;
}

/** One city report, with the round it reports on and the issue that prints it. */
export interface ReportEntry {
  issue: IssueRef;
  round: Round;
  report: CityReport;
  cityName: string;
  /** Anchor of the report on its issue page (`xinzhou`). */
  anchor: string;
  /** `/issues/2024/18/#xinzhou`, without the base path. */
  path: string;
  /** Totals we add up where the text states every batch but no total; absent otherwise. */
  derived?: DerivedFigures;
}

/** A named project with the issue and article that name it. */
export interface ProjectEntry {
  project: NamedProject;
  cityName: string;
  issue: IssueRef;
  round?: Round;
  /** The naming article or report on the issue page, without the base path. */
  path: string;
}

export function issueRef(issue: Issue): IssueRef {
  return {
    ...issueIdentity(issue),
    path: issuePath(issue),
  };
}

const registryIndex = new Map<string, number>(CITIES.map((c, i) => [c.slug, i]));
/** A city's place in the registry (src/data/cities.ts): the order pages list cities in. */
export const registryOrder = (slug: string) => registryIndex.get(slug) ?? CITIES.length;

/** Every city report in the archive: newest round first, then newest issue, then registry order. */
export function reportEntries(issues: readonly Issue[]): ReportEntry[] {
  const entries = issues.flatMap((issue) => {
    const ref = issueRef(issue);
    return issue.cityReports.flatMap((report, position) => {
      const round = issue.rounds.find((r) => r.id === report.round);
      // The schema refuses a report on an undeclared round, so this only guards the type.
      if (!round) return [];
      const anchor = report.id ?? report.city;
      const derived = deriveTotals(report);
      const entry: ReportEntry = {
        issue: ref,
        round,
        report,
        cityName: cityName(report.city),
        anchor,
        path: issueAnchorPath(issue, anchor),
        ...(derived ? { derived } : {}),
      };
      // The sort keys, worked out once per entry: every city, round and overview page sorts all of them.
      return [{ entry, round: roundRank(round.id), city: registryOrder(report.city), position }];
    });
  });
  return entries
    .sort(
      (a, b) =>
        b.round - a.round ||
        compareNewestFirst(a.entry.issue, b.entry.issue) ||
        a.city - b.city ||
        a.position - b.position,
    )
    .map((e) => e.entry);
}

/** Named projects, newest issue first, in the order each issue lists them. */
export function projectEntries(issues: readonly Issue[]): ProjectEntry[] {
  return newestFirst(issues).flatMap((issue) =>
    issue.projects.map((project) => {
      const round = project.round === undefined ? undefined : issue.rounds.find((r) => r.id === project.round);
      return {
        project,
        cityName: cityName(project.city),
        issue: issueRef(issue),
        ...(round ? { round } : {}),
        path: project.source ? issueAnchorPath(issue, project.source) : issuePath(issue),
      };
    }),
  );
}
