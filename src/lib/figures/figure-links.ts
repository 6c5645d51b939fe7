/**
 * Where a table's figures link: a stated figure to its clause on the issue page (the anchors
 * src/lib/figures/sources.ts names and the issue page marks), a sum the archive derives to a note
 * under the table that says what it adds up, each part linked to its own clause. Pure.
 */
import {
  BATCHES,
  FIGURE_KEYS,
  FIGURE_PARTS,
  FIGURE_PART_LABELS,
  type FigureKey,
  type FigurePart,
  type RoundFigures,
} from '#schemas/figures.ts';
import type { Issue } from '#schemas/issue.ts';
import { issueAnchorPath } from '#lib/site/routes.ts';
import type { DerivedFigures } from './arithmetic.ts';
import { newestPerCity, type RoundSummary } from './round-summary.ts';
import { provinceFigureId, reportFigureId } from './sources.ts';

export interface FigureLinks {
  /** The site path (no base path) of a stated figure's clause. */
  stated: (part: FigurePart, key: FigureKey) => string;
  /** The page-local anchor (`#…`) of the note on a derived sum, when the table has notes. */
  derived?: (key: FigureKey) => string;
}

type IssueKey = Pick<Issue, 'year' | 'number'>;

export const reportFigureLinks = (issue: IssueKey, report: string, note?: string): FigureLinks => ({
  stated: (part, key) => issueAnchorPath(issue, reportFigureId(report, part, key)),
  ...(note === undefined ? {} : { derived: (key: FigureKey) => `#${note}-${key}` }),
});

export const provinceFigureLinks = (issue: IssueKey, round: string, note?: string): FigureLinks => ({
  stated: (part, key) => issueAnchorPath(issue, provinceFigureId(round, part, key)),
  ...(note === undefined ? {} : { derived: (key: FigureKey) => `#${note}-${key}` }),
});

/** One note under a table: what a derived sum adds up, each part with the path of its clause. */
export interface SumNote {
  /** The note's anchor, which the sum links to. */
  id: string;
  /** What is summed: `忻州 2024年第二次 合计 投资额`. */
  label: string;
  key: FigureKey;
  sum: number;
  parts: { label: string; value: number; path: string }[];
}

const KEY_LABELS: Record<FigureKey, string> = {
  projects: '项目数',
  investment: '投资额',
  expectedOutput: '预计年产值',
};

/** The notes on a row's derived totals: each the sum of the three batches' stated figures. */
export function totalNotes(
  unit: string,
  figures: RoundFigures,
  derived: DerivedFigures | undefined,
  links: FigureLinks,
  note: string,
): SumNote[] {
  return (Object.entries(derived ?? {}) as [FigureKey, number][]).map(([key, sum]) => ({
    id: `${note}-${key}`,
    label: `${unit} ${FIGURE_PART_LABELS.total}${KEY_LABELS[key]}`,
    key,
    sum,
    parts: BATCHES.map((part) => ({
      label: FIGURE_PART_LABELS[part],
      value: figures[part]?.[key] ?? 0,
      path: links.stated(part, key),
    })),
  }));
}

/** The notes on the sums over cities of a round (its “各市报道之和” row): each city's stated figure, linked. */
export function citySumNotes(summary: RoundSummary): SumNote[] {
  const counted = newestPerCity(summary.reports);
  return FIGURE_PARTS.flatMap((part) =>
    FIGURE_KEYS.flatMap((key) => {
      const sum = summary.sums[part]?.[key];
      if (!sum) return [];
      const parts = counted.flatMap((r) => {
        const value = r.report[part]?.[key];
        return value === undefined
          ? []
          : [{ label: r.cityName, value, path: reportFigureLinks(r.issue, r.anchor).stated(part, key) }];
      });
      return [
        {
          id: `sum-cities-${part}-${key}`,
          label: `各市报道之和 ${FIGURE_PART_LABELS[part]}${KEY_LABELS[key]}`,
          key,
          sum: sum.sum,
          parts,
        },
      ];
    }),
  );
}
