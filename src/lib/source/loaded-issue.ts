import type { Issue } from '#schemas/issue.ts';
import type { ParsedBody } from './mdx-body.ts';

/** An issue file whose front-matter passed the schema and whose body parsed: what the checks and the tests read. */
export interface LoadedIssue {
  file: string;
  issue: Issue;
  body: ParsedBody;
  /** Line of a front-matter field, for messages about it. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}
