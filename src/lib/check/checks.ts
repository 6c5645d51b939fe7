/**
 * Every check of the content check, in the order `npm run check` prints their problems. A new
 * check is a function returning `Problem[]` in a file of this folder, named here and nowhere else:
 *
 * 1. each issue file, in file order (checkIssueFile): what reading it found (src/lib/source/),
 *    values YAML reads other than written (yaml-values.ts), what the schema refuses, what the MDX
 *    body may not hold (body.ts), then for an issue that parsed the ISSUE_CHECKS;
 * 2. across issues (checkAcrossIssues, across-issues.ts): one file per issue, rounds that agree;
 * 3. the images each issue names (checkImages, images-fs.ts: it follows each path on disk and
 *    decodes every image file once, in one batch for all the issues, so content-check-fs.ts calls it);
 * 4. each issue's figures (FIGURE_CHECKS): against its text, and each figure's one place in it.
 *
 * content-check-fs.ts runs them, each once per file, keeping each file's results in its cache;
 * `npm run diff` and the tests that need no images or figures run steps 1 and 2 (loadIssues).
 */
import { describeField } from '#lib/source/front-matter.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import { loadedIssue, type IssueRead } from '#lib/source/parse-issue.ts';
import { checkAcrossIssues, issueFacts, type IssueFacts, type LineOf } from './across-issues.ts';
import { checkAnchors, checkMdxBody } from './body.ts';
import { checkBodyMatchesFrontmatter } from './body-frontmatter.ts';
import { crossCheckIssue } from './cross-check.ts';
import { checkFigureSources } from './figure-sources.ts';
import type { Problem } from './problem.ts';
import { checkYamlValues } from './yaml-values.ts';

/** Step 1, for an issue whose front-matter passed the schema and whose body parsed. */
const ISSUE_CHECKS: readonly ((loaded: LoadedIssue) => Problem[])[] = [
  checkBodyMatchesFrontmatter,
  ({ issue, body, file, lineOf }) => checkAnchors(issue, body.tree, file, lineOf),
];

/** Step 1: one file, as far as it was read. `loaded` when it parsed, for the later steps. */
export function checkIssueFile(read: IssueRead): { loaded?: LoadedIssue; problems: Problem[] } {
  if ('unreadable' in read) return { problems: read.unreadable };
  const { file, frontmatter, positions, schemaProblems, body, bodyProblem } = read;
  // A value YAML reads other than written is said once, here, and not again as the schema's problem.
  const flagged = checkYamlValues(positions);
  const problems: Problem[] = [
    ...flagged.map((f): Problem => ({
      severity: 'error',
      file,
      line: f.line,
      field: describeField(f.path, frontmatter),
      message: f.message,
    })),
    ...schemaProblems.filter((s) => !flagged.some((f) => f.path.join('.') === s.path.join('.'))).map((s) => s.problem),
    ...(bodyProblem ? [bodyProblem] : []),
    // The body's own rules need no front-matter: they run even when the schema refused it.
    ...(body ? checkMdxBody(body.tree, file) : []),
  ];
  const loaded = loadedIssue(read);
  if (!loaded) return { problems };
  return { loaded, problems: [...problems, ...ISSUE_CHECKS.flatMap((check) => check(loaded))] };
}

/**
 * Step 2: the checks across issues (checkAcrossIssues), on what they need of each issue
 * (issueFacts: plain data, which the cache keeps).
 */
export { checkAcrossIssues, issueFacts, type IssueFacts, type LineOf };

/** Step 4: the checks of an issue's figures. */
const FIGURE_CHECKS: readonly ((loaded: LoadedIssue) => Problem[])[] = [crossCheckIssue, checkFigureSources];

export const checkFigures = (loaded: LoadedIssue): Problem[] => FIGURE_CHECKS.flatMap((check) => check(loaded));

/** One file's problems by step, as the cache keeps them. */
export interface FileProblems {
  /** Step 1. */
  file: Problem[];
  /** Step 3. */
  images: Problem[];
  /** Step 4. */
  figures: Problem[];
}

/** Every problem in the printed order: step 1 of every file, step 2, step 3 of every file, step 4 of every file. */
export const inPrintedOrder = (files: readonly FileProblems[], acrossIssues: readonly Problem[]): Problem[] => [
  ...files.flatMap((f) => f.file),
  ...acrossIssues,
  ...files.flatMap((f) => f.images),
  ...files.flatMap((f) => f.figures),
];
