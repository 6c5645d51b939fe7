/**
 * Each round across the archive: the issues that report on it, its city reports, the cities not
 * reported, and sums over cities that say what they add up. Pure: no Astro imports.
 */
import { compareNewestFirst } from '#lib/archive/order.ts';
import { CITIES, type City } from '#data/cities.ts';
import { FIGURE_KEYS, FIGURE_PARTS, type FigureKey, type FigurePart } from '#schemas/figures.ts';
import type { Issue } from '#schemas/issue.ts';
import type { Round } from '#schemas/round.ts';
import { sumStated } from './arithmetic.ts';
import {
  issueRef,
  projectEntries,
  registryOrder,
  reportEntries,
  type IssueRef,
  type ProjectEntry,
  type ReportEntry,
} from './report-entries.ts';
import { compareRoundsNewestFirst } from './round-order.ts';

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
