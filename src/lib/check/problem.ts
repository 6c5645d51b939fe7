import type { Problem } from '#lib/source/problem.ts';

/** Defined beside the reader, which finds the first problems; printed here. */
export type { Problem };

/** `content/issues/2024-18.mdx:57: cityReports[1] 忻州 total.investment: …` — clickable in most editors. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const level = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${p.field ? `${p.field}: ` : ''}${p.message}`;
}

// GitHub's workflow commands, escaped as its Actions toolkit does (@actions/core, command.ts):
// a message may not hold a raw line break, and a property may not hold the `:` or `,` that end it.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * `::error file=content/issues/2024-18.mdx,line=57,title=cityReports[1] 忻州 total.investment::…`:
 * on GitHub Actions the runner turns this line into an annotation on that line of the pull
 * request's diff. Without a field the title says which check spoke.
 */
export function formatGithubAnnotation(p: Problem): string {
  const properties = [
    `file=${escapeProperty(p.file)}`,
    ...(p.line === undefined ? [] : [`line=${p.line}`]),
    `title=${escapeProperty(p.field ?? 'content check')}`,
  ];
  return `::${p.severity} ${properties.join(',')}::${escapeData(p.message)}`;
}

export const PROBLEM_FORMATS = ['plain', 'github'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/**
 * The format asked for with `--format`, else `github` inside GitHub Actions (which sets
 * GITHUB_ACTIONS=true), else `plain`.
 */
export function problemFormat(option: string | undefined, env: NodeJS.ProcessEnv = process.env): ProblemFormat {
  if (option === undefined) return env.GITHUB_ACTIONS === 'true' ? 'github' : 'plain';
  if ((PROBLEM_FORMATS as readonly string[]).includes(option)) return option as ProblemFormat;
  throw new Error(`unknown --format ${JSON.stringify(option)}; expected ${PROBLEM_FORMATS.join(' or ')}`);
}

/** The one-line form of a problem in the given format. */
export const problemFormatter = (format: ProblemFormat): ((p: Problem) => string) =>
  format === 'github' ? formatGithubAnnotation : formatProblem;

export const errorsIn = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');
