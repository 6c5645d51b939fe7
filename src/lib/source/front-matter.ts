/**
 * Front-matter → Issue through the issue schema, with every schema problem in an editor's words.
 * The words come from zod's own error customisation (a per-parse `error` map): a typo'd key
 * gets the list of keys that exist there, a missing field says so, a wrong type says in plain
 * words what was expected and what was found. Messages a schema field sets itself are kept.
 */
import { z } from 'astro/zod';
import { cityBySlug } from '#data/cities.ts';
import { IssueSchema, type Issue } from '#schemas/issue.ts';
import type { Problem } from './problem.ts';
import type { YamlPositions } from './yaml-positions.ts';

/** `cityReports[1] 忻州 total.investment`: a zod path in the words an editor reads. */
export function describeField(path: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const [i, key] of path.entries()) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      if (path[i - 1] === 'cityReports' && node && typeof node === 'object') {
        const city = (node as { city?: unknown }).city;
        const name = typeof city === 'string' ? cityBySlug(city)?.name : undefined;
        if (name) out += ` ${name}`;
      }
    } else {
      const afterIndex = typeof path[i - 1] === 'number';
      out += out ? `${afterIndex ? ' ' : '.'}${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

/** What a YAML value of each type looks like, for editors who have not met the word "array". */
const TYPE_WORDS: Record<string, string> = {
  array: 'a list, e.g. [first, second]',
  object: 'a group of fields, each on its own indented line below',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

const kindOf = (value: unknown) =>
  Array.isArray(value)
    ? 'a list'
    : value instanceof Date
      ? 'a date'
      : value === null
        ? 'nothing (an empty value)'
        : typeof value === 'object'
          ? 'a group of fields'
          : typeof value === 'string'
            ? 'text'
            : `${typeof value} ${String(value)}`;

/** Zod's per-parse error map: plain words where zod's default would say "Invalid input". */
function plainWords(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const known =
      issue.inst instanceof z.ZodObject ? `; expected one of: ${Object.keys(issue.inst.shape).join(', ')}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${known}`;
  }
  if (issue.code !== 'invalid_type') return undefined;
  const expected = `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  return issue.input === undefined ? `missing; ${expected}` : `${expected}; found ${kindOf(issue.input)}`;
}

/** A field's own message (`expected a whole number of projects …`) still says when the field is missing. */
const missingFirst = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' && issue.input === undefined && !issue.message.startsWith('missing')
    ? `missing; ${issue.message}`
    : issue.message;

/** A problem the schema finds, with the path of the field it is about. */
export interface SchemaProblem {
  path: readonly PropertyKey[];
  problem: Problem;
}

/** Parse the front-matter: the issue, or every field the schema refuses. */
export function parseFrontMatter(
  data: unknown,
  { lineOf, keyLineOf }: YamlPositions,
  file: string,
): { issue?: Issue; problems: SchemaProblem[] } {
  const result = IssueSchema.safeParse(data, { error: plainWords, reportInput: true });
  if (result.success) return { issue: result.data, problems: [] };
  const problems: SchemaProblem[] = [];
  // A value of the wrong type also fails the checks after it (a string's length against a list's max): say it once.
  const wrongType = new Set(result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('.')));
  for (const issue of result.error.issues) {
    const at = issue.path.join('.');
    if (issue.code !== 'invalid_type' && wrongType.has(at)) continue;
    const firstKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const line = firstKey === undefined ? lineOf(issue.path) : keyLineOf(issue.path, firstKey);
    problems.push({
      path: issue.path,
      problem: {
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field: describeField(issue.path, data) || '(front-matter)',
        message: missingFirst(issue),
      },
    });
  }
  return { problems };
}
