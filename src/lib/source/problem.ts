/**
 * A problem an editor can act on: where it is, which field, what was expected. Reading an issue
 * file (src/lib/source/) finds the first ones, the content check (src/lib/check/) the rest;
 * src/lib/check/problem.ts prints them.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. `content/issues/2024-18.mdx`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field in editor's words: `cityReports[1] 忻州 total.investment`. */
  field?: string;
  message: string;
}
