import { issueKey } from '#schemas/issue.ts';
import type { LoadedIssue } from '#lib/source/load.ts';
import type { Problem } from './problem.ts';

/** Checks across issues: one file per (year, number); a round declared twice must agree. */
export function checkCollection(issues: readonly LoadedIssue[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, LoadedIssue>();
  const rounds = new Map<string, { file: string; json: string }>();
  for (const l of issues) {
    const key = issueKey(l.issue);
    const prior = byKey.get(key);
    if (prior) {
      problems.push({
        severity: 'error',
        file: l.file,
        line: l.lineOf(['number']) ?? 1,
        field: 'year/number',
        message: `issue ${key} (${l.issue.year}年第${l.issue.number}期) is already in ${prior.file}; one file per issue`,
      });
    } else byKey.set(key, l);
    l.issue.rounds.forEach((r, i) => {
      const json = JSON.stringify(r);
      const seen = rounds.get(r.id);
      if (seen && seen.json !== json) {
        problems.push({
          severity: 'error',
          file: l.file,
          line: l.lineOf(['rounds', i]) ?? 1,
          field: `rounds[${i}]`,
          message: `round ${r.id} is declared differently in ${seen.file}; a round's name, date, venue and province figures must agree wherever it is declared`,
        });
      } else if (!seen) rounds.set(r.id, { file: l.file, json });
    });
  }
  return problems;
}
