import { readFileSync, statSync } from 'node:fs';
import { issueText, sizeProblem, type IssueFileText } from './issue-text.ts';
import type { Problem } from './problem.ts';

/** Read one issue file (issue-text.ts); `file` is how messages name it. An oversized file is refused unread. */
export function readIssueFile(path: string, file = path): IssueFileText | { problems: Problem[] } {
  return sizeProblem(statSync(path).size, file) ?? issueText(readFileSync(path), file);
}
