import { issueKey } from '#schemas/issue.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import type { Problem } from './problem.ts';

/**
 * What the checks across issues need of one issue: its key and the rounds it declares. Plain
 * data, so the check's cache (content-check-fs.ts) can keep it with each file. Lines are looked up only
 * for a problem (`LineOf`): finding them means parsing the YAML for its source positions, the
 * largest part of checking a file that has no problem.
 */
export interface IssueFacts {
  file: string;
  key: string;
  label: string;
  rounds: { id: string; json: string; index: number }[];
}

/** The line of a front-matter path in a file (as `IssueFacts.file` names it). */
export type LineOf = (file: string, path: readonly PropertyKey[]) => number | undefined;

export function issueFacts(l: LoadedIssue): IssueFacts {
  return {
    file: l.file,
    key: issueKey(l.issue),
    label: `${l.issue.year}年第${l.issue.number}期`,
    rounds: l.issue.rounds.map((r, index) => ({ id: r.id, json: JSON.stringify(r), index })),
  };
}

/** Checks across issues: one file per (year, number); a round declared twice must agree. */
export function checkAcrossIssues(issues: readonly IssueFacts[], lineOf: LineOf): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, IssueFacts>();
  const rounds = new Map<string, { file: string; json: string }>();
  for (const l of issues) {
    const prior = byKey.get(l.key);
    if (prior) {
      problems.push({
        severity: 'error',
        file: l.file,
        line: lineOf(l.file, ['number']) ?? 1,
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
          line: lineOf(l.file, ['rounds', r.index]) ?? 1,
          field: `rounds[${r.index}]`,
          message: `round ${r.id} is declared differently in ${seen.file}; a round's name, date, venue and province figures must agree wherever it is declared`,
        });
      } else if (!seen) rounds.set(r.id, { file: l.file, json: r.json });
    }
  }
  return problems;
}
