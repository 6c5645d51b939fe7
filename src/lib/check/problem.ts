/** A problem an editor can act on: where it is, which field, what was expected. */
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

/** `content/issues/2024-18.mdx:57: cityReports[1] 忻州 total.investment: …` — clickable in most editors. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const level = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export const errorsIn = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');
