/**
 * Everything the archive holds about one city (its reports by round, the zones they name, its
 * named projects), and the overview of every city. Pure: no Astro imports.
 */
import { CITIES, type City } from '#data/cities.ts';
import type { Issue } from '#schemas/issue.ts';
import type { Round } from '#schemas/round.ts';
import { projectEntries, reportEntries, type ProjectEntry, type ReportEntry } from './report-entries.ts';

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
