/**
 * Reads issue files and validates them as the build will: the file (read-issue-file.ts), the
 * front-matter through the issue schema (front-matter.ts), the body through the MDX parser
 * (mdx-body.ts), then the content checks that need no figures (src/lib/check/). Every failure
 * becomes a Problem naming file, line and field.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Issue } from '#schemas/issue.ts';
import { checkAnchors, checkMdxBody } from '#lib/check/body.ts';
import { checkBodyMatchesFrontmatter } from '#lib/check/body-frontmatter.ts';
import { checkCollection, collectionFacts } from '#lib/check/collection.ts';
import type { Problem } from '#lib/check/problem.ts';
import { checkYamlValues } from '#lib/check/yaml-values.ts';
import { describeField, parseFrontMatter } from './front-matter.ts';
import { MdxSyntaxError, parseMdxBody, type ParsedBody } from './mdx-body.ts';
import { readIssueFile } from './read-issue-file.ts';
import { yamlPositions } from './yaml-positions.ts';

export interface LoadedIssue {
  file: string;
  issue: Issue;
  body: ParsedBody;
  /** Line of a front-matter field, for messages about it. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export interface LoadResult {
  issues: LoadedIssue[];
  problems: Problem[];
}

/** Read and validate one issue file. `file` is shown in messages as given. */
export function loadIssueFile(path: string, file = path): { loaded?: LoadedIssue; problems: Problem[] } {
  const text = readIssueFile(path, file);
  if ('problems' in text) return text;
  const positions = yamlPositions(text.rawFrontmatter);
  const flagged = checkYamlValues(positions);
  const problems: Problem[] = flagged.map((f) => ({
    severity: 'error',
    file,
    line: f.line,
    field: describeField(f.path, text.frontmatter),
    message: f.message,
  }));
  const { issue, problems: schemaProblems } = parseFrontMatter(text.frontmatter, positions, file, flagged);
  problems.push(...schemaProblems);
  let body: ParsedBody | undefined;
  try {
    body = parseMdxBody(text.content);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    problems.push({
      severity: 'error',
      file,
      ...(error.line === undefined ? {} : { line: error.line }),
      message: error.message,
    });
  }
  if (body) problems.push(...checkMdxBody(body.tree, file));
  if (!issue || !body) return { problems };
  const loaded: LoadedIssue = { file, issue, body, lineOf: positions.lineOf };
  return {
    loaded,
    problems: [
      ...problems,
      ...checkBodyMatchesFrontmatter(loaded),
      ...checkAnchors(issue, body.tree, file, positions.lineOf),
    ],
  };
}

/** The `*.mdx` files under `dir`, sorted, each with the name messages show (relative to `root`). */
export function issueFiles(dir: string, root: string): { path: string; shown: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const shown = relative(root, path);
      return { path, shown: shown.startsWith('..') ? path : shown };
    });
}

/** Load every `*.mdx` under `dir` (sorted), returning the valid issues and all problems. */
export function loadIssues(dir: string, root = process.cwd()): LoadResult {
  if (!existsSync(dir))
    return {
      issues: [],
      problems: [
        {
          severity: 'error',
          file: dir,
          message: 'no such folder; issues live in content/issues (or where KFJZ_CONTENT_DIR points)',
        },
      ],
    };
  const issues: LoadedIssue[] = [];
  const problems: Problem[] = [];
  for (const { path, shown } of issueFiles(dir, root)) {
    const r = loadIssueFile(path, shown);
    problems.push(...r.problems);
    if (r.loaded) issues.push(r.loaded);
  }
  const byFile = new Map(issues.map((l) => [l.file, l]));
  problems.push(...checkCollection(issues.map(collectionFacts), (file, path) => byFile.get(file)?.lineOf(path)));
  return { issues, problems };
}
