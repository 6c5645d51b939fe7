/**
 * Reads issue files and validates them as the build will: the file (read-issue-file.ts), the
 * front-matter through the issue schema (front-matter.ts), the body through the MDX parser
 * (mdx-body.ts), then the content checks that need no figures (src/lib/check/). Every failure
 * becomes a Problem naming file, line and field. `npm run diff` also reads what it can of a file
 * that does not load (readArchive), so that a broken change is compared, not called removed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { IssueSchema, type Issue } from '#schemas/issue.ts';
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

/**
 * `value` through `schema` regardless of the rules it breaks: what parses is kept as the schema
 * gives it (defaults included), a field or list entry the schema rejects is left out (even a
 * required one), and an object's own rules (a total against its parts, a round that must be
 * declared) are not applied. Undefined when nothing of the value can be read.
 */
function readRegardless(schema: z.core.$ZodType, value: unknown): { value: unknown } | undefined {
  const strict = z.safeParse(schema, value);
  if (strict.success) return { value: strict.data };
  if (value === undefined) return undefined;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return readRegardless(schema.unwrap(), value);
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    const entries: unknown[] = [];
    for (const v of value) {
      const r = readRegardless(schema.element, v);
      if (r) entries.push(r.value);
    }
    return { value: entries };
  }
  if (schema instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.core.$ZodType>)) {
      const r = readRegardless(field, (value as Record<string, unknown>)[key]);
      if (r && r.value !== undefined) out[key] = r.value;
    }
    return { value: out };
  }
  return undefined;
}

/** What tells the entries of a list apart; an entry read without it cannot be compared and is left out. */
const IDENTITY = {
  rounds: ['id'],
  articles: ['id'],
  cityReports: ['city'],
  projects: ['name', 'city'],
} as const;

/** What can be read of an issue file that does not load (see readIssueRegardless). */
export interface IssueReading {
  file: string;
  /**
   * Its front-matter as far as it parses (readRegardless): the type's required fields other than
   * year, number and each list entry's identity may be missing. Absent when the front-matter does
   * not parse, or its year or number does not.
   */
  issue?: Issue;
  /** Absent when the body does not parse. */
  body?: ParsedBody;
}

/**
 * An issue file read for comparison, not for publishing: the front-matter through the schema
 * without its rules, the body when it parses. The file's problems are loadIssueFile's to report.
 */
export function readIssueRegardless(path: string, file = path): IssueReading {
  const text = readIssueFile(path, file);
  if ('problems' in text) return { file };
  let body: ParsedBody | undefined;
  try {
    body = parseMdxBody(text.content);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
  }
  const read = readRegardless(IssueSchema, text.frontmatter)?.value as Record<string, unknown> | undefined;
  let issue: Issue | undefined;
  if (read && typeof read['year'] === 'number' && typeof read['number'] === 'number') {
    const lists = Object.entries(IDENTITY).map(([list, keys]) => [
      list,
      ((read[list] as Record<string, unknown>[] | undefined) ?? []).filter((entry) =>
        keys.every((k) => typeof entry[k] === 'string'),
      ),
    ]);
    issue = { ...read, ...Object.fromEntries(lists) } as Issue;
  }
  return { file, ...(issue ? { issue } : {}), ...(body ? { body } : {}) };
}

/** An archive as `npm run diff` reads it: loadIssues's result, and what can be read of each file that did not load. */
export interface ArchiveReading extends LoadResult {
  unloaded: IssueReading[];
}

/** loadIssues, then readIssueRegardless for every file that did not load. */
export function readArchive(dir: string, root = process.cwd()): ArchiveReading {
  const result = loadIssues(dir, root);
  if (!existsSync(dir)) return { ...result, unloaded: [] };
  const loaded = new Set(result.issues.map((l) => l.file));
  const unloaded = issueFiles(dir, root)
    .filter((f) => !loaded.has(f.shown))
    .map((f) => readIssueRegardless(f.path, f.shown));
  return { ...result, unloaded };
}
