import { issueKey } from '#schemas/issue.ts';
import type { LoadedIssue } from '#lib/source/load.ts';
import type { Problem } from './problem.ts';

/**
 * What the checks across issues need of one issue: its key and the rounds it declares, with
 * their lines. Plain data, so the build's content-check cache can keep it with each file.
 */
export interface CollectionFacts {
  file: string;
  key: string;
  label: string;
  numberLine: number;
  rounds: { id: string; json: string; line: number; index: number }[];
}

export function collectionFacts(l: LoadedIssue): CollectionFacts {
  return {
    file: l.file,
    key: issueKey(l.issue),
    label: `${l.issue.year}年第${l.issue.number}期`,
    numberLine: l.lineOf(['number']) ?? 1,
    rounds: l.issue.rounds.map((r, index) => ({
      id: r.id,
      json: JSON.stringify(r),
      line: l.lineOf(['rounds', index]) ?? 1,
      index,
    })),
  };
}

/** Checks across issues: one file per (year, number); a round declared twice must agree. */
export function checkCollection(issues: readonly CollectionFacts[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, CollectionFacts>();
  const rounds = new Map<string, { file: string; json: string }>();
  for (const l of issues) {
    const prior = byKey.get(l.key);
    if (prior) {
      problems.push({
        severity: 'error',
        file: l.file,
        line: l.numberLine,
        field: 'year/number',
        message: `issue ${l.key} (${l.label}) is already in ${prior.file}; one file per issue`,
      });
    } else byKey.set(l.key, l);
    for (const r of l.rounds) {
      const seen = rounds.get(r.id);
      if (seen && seen.json !== r.json) {
        problems.push({
          severity: 'error',
          file: l.file,
          line: r.line,
          field: `rounds[${r.index}]`,
          message: `round ${r.id} is declared differently in ${seen.file}; a round's name, date, venue and province figures must agree wherever it is declared`,
        });
      } else if (!seen) rounds.set(r.id, { file: l.file, json: r.json });
    }
  }
  return problems;
}
