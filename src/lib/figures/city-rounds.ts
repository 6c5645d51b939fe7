/**
 * Following the money across issues: every city report with its round and issue, grouped by
 * city and by round in the orders the city, round and overview pages show them, and sums over
 * cities that say what they add up. Pure: no Astro imports.
 */
import { compareNewestFirst, newestFirst } from '#lib/archive/order.ts';
import { CITIES, type City, cityName } from '#data/cities.ts';
import type { CityReport } from '#schemas/city-report.ts';
import { FIGURE_KEYS, FIGURE_PARTS, type FigureKey, type FigurePart } from '#schemas/figures.ts';
import { issueIdentity, type Issue } from '#schemas/issue.ts';
import type { NamedProject } from '#schemas/project.ts';
import type { Round } from '#schemas/round.ts';
import { deriveTotals, sumStated, type DerivedFigures } from './arithmetic.ts';
import { issueAnchorPath, issuePath } from '#lib/site/routes.ts';

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
const registryOrder = (slug: string) => registryIndex.get(slug) ?? CITIES.length;

/** `2024-2` → 2024·100 + 2: rounds sort by year, then number. */
const ranks = new Map<string, number>();
const roundRank = (id: string) => {
  let rank = ranks.get(id);
  if (rank === undefined) {
    const [year = 0, n = 0] = id.split('-').map(Number);
    rank = year * 100 + n;
    ranks.set(id, rank);
  }
  return rank;
};
/** Newest round first. */
export const compareRoundsNewestFirst = (a: Pick<Round, 'id'>, b: Pick<Round, 'id'>) =>
  roundRank(b.id) - roundRank(a.id);

/** `2024年第二次` (or `2021年第一期`) out of the round's printed name; the whole name if it has no such part. */
export function roundShortLabel(round: Pick<Round, 'name'>): string {
  const m = /(\d{4})年(第[一二三四五六七八九十\d]+[次期])/.exec(round.name);
  return m ? `${m[1]}年${m[2]}` : round.name;
}

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

export interface CityOverview {
  city: City;
  /** The city's newest report (newest round), if the archive holds any. */
  latest?: ReportEntry;
  reportCount: number;
}

/** Each unit of the registry, in registry order, with its newest report. */
export function cityOverview(issues: readonly Issue[]): CityOverview[] {
  const entries = reportEntries(issues);
  return CITIES.map((city) => {
    const own = entries.filter((e) => e.report.city === city.slug);
    const latest = own[0];
    return { city, ...(latest ? { latest } : {}), reportCount: own.length };
  });
}

export interface ZoneMention {
  /** The zone's name as printed. */
  name: string;
  /** Reports that name it, newest first. */
  reports: ReportEntry[];
}

export interface CityRecord {
  city: City;
  /** Every report of the city, newest round first. */
  reports: ReportEntry[];
  /** The same reports grouped by round, newest round first. */
  rounds: { round: Round; reports: ReportEntry[] }[];
  /** Development zones the city's reports name, in the order first named. */
  zones: ZoneMention[];
  /** Projects in the city that an issue names. */
  projects: ProjectEntry[];
}

/** Everything the archive holds about one city. */
export function cityRecord(issues: readonly Issue[], city: City): CityRecord {
  const reports = reportEntries(issues).filter((e) => e.report.city === city.slug);
  // Grouped through maps (a city has hundreds of reports at 1000 issues); groups keep first-seen order.
  const byRound = new Map<string, CityRecord['rounds'][number]>();
  for (const entry of reports) {
    const group = byRound.get(entry.round.id);
    if (group) group.reports.push(entry);
    else byRound.set(entry.round.id, { round: entry.round, reports: [entry] });
  }
  const rounds = [...byRound.values()];
  const byZone = new Map<string, ZoneMention>();
  for (const entry of reports) {
    for (const name of new Set(entry.report.zones)) {
      const zone = byZone.get(name);
      if (zone) zone.reports.push(entry);
      else byZone.set(name, { name, reports: [entry] });
    }
  }
  const zones = [...byZone.values()];
  const projects = projectEntries(issues).filter((p) => p.project.city === city.slug);
  return { city, reports, rounds, zones, projects };
}

/** A figure added up over cities, and how many cities' reports state it. */
export interface CitySum {
  sum: number;
  cities: number;
}
export type CitySums = Partial<Record<FigurePart, Partial<Record<FigureKey, CitySum>>>>;

/** The reports a sum over cities counts: each city's newest report on the round. */
export function newestPerCity(reports: readonly ReportEntry[]): ReportEntry[] {
  const newest = new Map<string, ReportEntry>();
  for (const r of [...reports].sort((a, b) => compareNewestFirst(a.issue, b.issue))) {
    if (!newest.has(r.report.city)) newest.set(r.report.city, r);
  }
  return [...newest.values()];
}

/**
 * Sums of what the cities' reports state, per batch and figure, each with the number of cities
 * it covers. A city reported twice on one round counts once, with its newest report. The total
 * column adds up stated totals only. These are sums of reports, never the province's figures.
 */
export function sumOverCities(reports: readonly ReportEntry[]): CitySums {
  const counted = newestPerCity(reports);
  const sums: CitySums = {};
  for (const part of FIGURE_PARTS) {
    for (const key of FIGURE_KEYS) {
      const { sum, count } = sumStated(counted.map((r) => r.report[part]?.[key]));
      if (count === 0) continue;
      sums[part] = { ...sums[part], [key]: { sum, cities: count } };
    }
  }
  return sums;
}

export interface RoundSummary {
  round: Round;
  /** Issues that report on the round, newest first. */
  issues: IssueRef[];
  /** The issue whose declaration of the round is shown: where its province figures are printed. */
  provinceIssue: IssueRef;
  /** Its city reports in registry order (a city reported twice: newest issue first). */
  reports: ReportEntry[];
  /** Units of the registry with no report on this round in the archive. */
  unreported: City[];
  sums: CitySums;
  /** True when some city has more than one report on the round. */
  repeated: boolean;
  projects: ProjectEntry[];
}

/** `items` by `key`, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Every round the archive holds, newest first. */
export function roundSummaries(issues: readonly Issue[]): RoundSummary[] {
  const entries = groupBy(reportEntries(issues), (e) => e.round.id);
  const projects = groupBy(projectEntries(issues), (p) => p.project.round);
  const rounds = new Map<string, { round: Round; issues: IssueRef[]; provinceIssue: IssueRef }>();
  for (const issue of issues) {
    for (const round of issue.rounds) {
      const known = rounds.get(round.id);
      const ref = issueRef(issue);
      if (known) known.issues.push(ref);
      else rounds.set(round.id, { round, issues: [ref], provinceIssue: ref });
    }
  }
  return [...rounds.values()]
    .sort((a, b) => compareRoundsNewestFirst(a.round, b.round))
    .map(({ round, issues: refs, provinceIssue }) => {
      const reports = [...(entries.get(round.id) ?? [])].sort(
        (a, b) => registryOrder(a.report.city) - registryOrder(b.report.city) || compareNewestFirst(a.issue, b.issue),
      );
      const reported = new Set(reports.map((r) => r.report.city));
      return {
        round,
        issues: refs.sort(compareNewestFirst),
        provinceIssue,
        reports,
        unreported: CITIES.filter((c) => !reported.has(c.slug)),
        sums: sumOverCities(reports),
        repeated: reported.size < reports.length,
        projects: [...(projects.get(round.id) ?? [])],
      };
    });
}

/** How many of the newest rounds /rounds/ shows with their figures; older rounds are listed by year. */
export const LATEST_ROUNDS = 8;

/** Rounds grouped by the year in their id (`2024-2` → 2024), years and rounds in the order given. */
export function roundsByYear<T extends { round: Pick<Round, 'id'> }>(
  rounds: readonly T[],
): { year: number; rounds: T[] }[] {
  const years = new Map<number, T[]>();
  for (const r of rounds) {
    const year = Number(r.round.id.split('-')[0]);
    const list = years.get(year) ?? [];
    list.push(r);
    years.set(year, list);
  }
  return [...years].map(([year, list]) => ({ year, rounds: list }));
}
