/**
 * An issue file's text (issue-text.ts) → what it says: the front-matter through the issue schema
 * (front-matter.ts), the body through the MDX parser (mdx-body.ts). Parsing only: everything
 * else about a file is judged by the content check (src/lib/check/checks.ts). `npm run diff`
 * also reads what it can of a file that does not parse (issueRegardless), so that a broken change
 * is compared, not called removed.
 */
import { z } from 'astro/zod';
import { IssueSchema, type Issue } from '#schemas/issue.ts';
import { parseFrontMatter, type SchemaProblem } from './front-matter.ts';
import type { IssueFileText } from './issue-text.ts';
import type { LoadedIssue } from './loaded-issue.ts';
import { MdxSyntaxError, parseMdxBody, type ParsedBody } from './mdx-body.ts';
import type { Problem } from './problem.ts';
import { yamlPositions, type YamlPositions } from './yaml-positions.ts';

/** An issue file as read and parsed, before any check. */
export interface ParsedIssueFile {
  file: string;
  /** The front-matter as YAML reads it. */
  frontmatter: Record<string, unknown>;
  /** Where each front-matter field stands in the file. */
  positions: YamlPositions;
  /** The front-matter through the schema, when it passes. */
  issue?: Issue;
  /** Else every field the schema refuses. */
  schemaProblems: SchemaProblem[];
  /** The body, when it parses as MDX. */
  body?: ParsedBody;
  /** Else where and why it does not. */
  bodyProblem?: Problem;
}

/** An issue file read: parsed, or what stopped it from being read at all (issue-text.ts). */
export type IssueRead = ParsedIssueFile | { file: string; unreadable: Problem[] };

/** The issue at `read`, when its front-matter passed the schema and its body parsed. */
export function loadedIssue(read: IssueRead): LoadedIssue | undefined {
  if ('unreadable' in read || !read.issue || !read.body) return undefined;
  return { file: read.file, issue: read.issue, body: read.body, lineOf: read.positions.lineOf };
}

/** The MDX body, or where and why it does not parse. */
function parseBody(content: string, file: string): { body?: ParsedBody; problem?: Problem } {
  try {
    return { body: parseMdxBody(content) };
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return {
      problem: {
        severity: 'error',
        file,
        ...(error.line === undefined ? {} : { line: error.line }),
        message: error.message,
      },
    };
  }
}

/** Parse an issue file's text; `file` is how messages name it. */
export function parseIssue(text: IssueFileText, file: string): ParsedIssueFile {
  const positions = yamlPositions(text.rawFrontmatter);
  const { issue, problems } = parseFrontMatter(text.frontmatter, positions, file);
  const { body, problem } = parseBody(text.content, file);
  return {
    file,
    frontmatter: text.frontmatter,
    positions,
    ...(issue ? { issue } : {}),
    schemaProblems: problems,
    ...(body ? { body } : {}),
    ...(problem ? { bodyProblem: problem } : {}),
  };
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

/** What can be read of an issue file that does not load (see issueRegardless). */
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
 * An issue file's text read for comparison, not for publishing: the front-matter through the
 * schema without its rules, the body when it parses. The file's problems are the check's to report.
 */
export function issueRegardless(text: IssueFileText, file: string): IssueReading {
  const { body } = parseBody(text.content, file);
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
