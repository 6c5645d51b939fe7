/**
 * Reads issue files from disk and validates them as the build will: front-matter through
 * the same YAML parser Astro uses and the issue schema, body through the MDX parser, then
 * the checks that span files. Every failure becomes a Problem naming file, line and field.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { cityBySlug, cityName } from '#data/cities.ts';
import { IssueSchema, issueKey, type Issue } from '#schemas/issue.ts';
import { checkAnchors, checkMdxBody } from '#lib/check/body.ts';
import { PLACEHOLDER } from '#lib/import/template.ts';
import { MdxSyntaxError, parseMdxBody, type ParsedBody } from './mdx-body.ts';
import type { Problem } from '#lib/check/problem.ts';

/** An issue file is page text plus front-matter: a few dozen KB. Anything past this is a pasting accident. */
export const MAX_ISSUE_BYTES = 1024 * 1024;

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

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The keys a front-matter object at `path` may have, read off the schema itself. */
function knownKeys(path: readonly PropertyKey[]): string[] | undefined {
  type Def = { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; out?: unknown };
  let node: unknown = IssueSchema;
  const def = (n: unknown) => (n as { _zod: { def: Def } })._zod.def;
  const unwrap = () => {
    for (let d = def(node); ['optional', 'default', 'nullable', 'pipe'].includes(d.type); d = def(node)) {
      node = d.innerType ?? d.out;
    }
  };
  for (const key of path) {
    unwrap();
    const d = def(node);
    if (d.type === 'array' && typeof key === 'number') node = d.element;
    else if (d.type === 'object' && typeof key === 'string' && d.shape?.[key]) node = d.shape[key];
    else return undefined;
  }
  unwrap();
  const d = def(node);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : undefined;
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

/**
 * Zod's own wording where it is already plain; a typo'd key gets the list of keys that exist;
 * a missing field says so; a wrong type says in plain words what was expected and found.
 */
function readableMessage(
  issue: { code: string; message: string; keys?: string[]; path: PropertyKey[]; expected?: string },
  shape: string[] | undefined,
  value: unknown,
): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const known = shape ? `; expected one of: ${shape.join(', ')}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${known}`;
  }
  if (issue.code !== 'invalid_type') return issue.message;
  const generic = issue.message.startsWith('Invalid input');
  const expected = generic ? `expected ${TYPE_WORDS[issue.expected ?? ''] ?? issue.expected}` : issue.message;
  if (value === undefined) return `missing; ${expected}`;
  return generic ? `${expected}; found ${kindOf(value)}` : issue.message;
}

/** The value at a zod path in the parsed front-matter. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path)
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** Hints for YAML errors editors meet, in js-yaml's own words. */
const YAML_HINTS: Record<string, string> = {
  'tab characters must not be used in indentation': 'indent with spaces',
  'duplicated mapping key': 'a field appears twice; keep one',
  'bad indentation of a mapping entry': 'check the indentation; a value containing ": " must be in quotes',
};

/**
 * Values the schema cannot judge, read from the YAML source: a template placeholder left in
 * (`TODO`, see src/lib/import/template.ts), and an unquoted day that does not exist
 * (`2024-02-30`), which the YAML parser Astro uses silently turns into 2024-03-01.
 */
function scalarProblems(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
): { path: PropertyKey[]; line: number; message: string }[] {
  const out: { path: PropertyKey[]; line: number; message: string }[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || !node.range) return;
      const keys: PropertyKey[] = [];
      for (const [i, p] of path.entries()) {
        if (isPair(p) && isScalar(p.key)) keys.push(p.key.value as PropertyKey);
        else if (isSeq(p)) keys.push(p.items.indexOf((path[i + 1] ?? node) as never));
      }
      const line = lines.linePos(node.range[0]).line;
      const text = String(node.value);
      if (text.includes(PLACEHOLDER)) {
        out.push({
          path: keys,
          line,
          message: `still holds the template's placeholder ${PLACEHOLDER}; write what the page prints, or remove the field if it does not say`,
        });
        return;
      }
      const m = node.type === 'PLAIN' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(text) : null;
      if (!m) return;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return;
      out.push({
        path: keys,
        line,
        message: `${text} is not a day in the calendar (YAML would silently read it as the next month's day); write the date as printed`,
      });
    },
  });
  return out;
}

/** Read and validate one issue file. `file` is shown in messages as given. */
export function loadIssueFile(path: string, file = path): { loaded?: LoadedIssue; problems: Problem[] } {
  const err = (message: string, extra: Partial<Problem> = {}) => ({
    problems: [{ severity: 'error' as const, file, message, ...extra }],
  });
  const size = statSync(path).size;
  if (size === 0) return err('the file is empty; run `npm run new-issue -- YEAR NUMBER` for a template');
  if (size > MAX_ISSUE_BYTES) {
    return err(
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; an issue is at most ${MAX_ISSUE_BYTES / 1024 / 1024} MB of text (was something other than the page text pasted in?)`,
    );
  }
  const raw = decodeUtf8(readFileSync(path));
  if (raw === undefined)
    return err('the file is not UTF-8 text; save it as UTF-8 (GBK/GB2312 exports must be converted)');

  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(raw, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    const e = error as { reason?: string; message?: string; mark?: { line?: number } };
    const reason = e.reason ?? e.message ?? String(error);
    const hint = YAML_HINTS[reason];
    return err(
      `front-matter is not valid YAML: ${reason}${hint ? ` (${hint})` : ''}`,
      e.mark?.line === undefined ? {} : { line: e.mark.line + 1 },
    );
  }
  if (!parsed.rawFrontmatter) {
    return err('no front-matter: an issue file starts with a `---` block holding year, number, pages, …', { line: 1 });
  }
  const lines = new LineCounter();
  const doc = parseDocument(parsed.rawFrontmatter, { lineCounter: lines, uniqueKeys: false });
  const lineOf = (p: readonly PropertyKey[]) => {
    for (let n = p.length; n > 0; n--) {
      const node = doc.getIn(p.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  /** Line of `key` itself in the map at `p`: a block value starts on the line after its key. */
  const keyLineOf = (p: readonly PropertyKey[], key: string) => {
    const map = p.length === 0 ? doc.contents : doc.getIn(p as unknown[], true);
    const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? lines.linePos(range[0]).line : lineOf([...p, key]);
  };

  const result = IssueSchema.safeParse(parsed.frontmatter);
  const problems: Problem[] = [];
  const flagged = scalarProblems(doc, lines);
  for (const f of flagged)
    problems.push({
      severity: 'error',
      file,
      line: f.line,
      field: describeField(f.path, parsed.frontmatter),
      message: f.message,
    });
  if (!result.success) {
    // A value of the wrong type also fails the checks after it (a string's length against a list's max): say it once.
    const wrongType = new Set(
      result.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('.')),
    );
    for (const issue of result.error.issues) {
      if (issue.code !== 'invalid_type' && wrongType.has(issue.path.join('.'))) continue;
      if (flagged.some((f) => f.path.join('.') === issue.path.join('.'))) continue;
      const value = valueAt(parsed.frontmatter, issue.path);
      const firstKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const line = firstKey === undefined ? lineOf(issue.path) : keyLineOf(issue.path, firstKey);
      problems.push({
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field: describeField(issue.path, parsed.frontmatter) || '(front-matter)',
        message: readableMessage(issue, knownKeys(issue.path), value),
      });
    }
  }
  let body: ParsedBody | undefined;
  try {
    body = parseMdxBody(parsed.content);
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
  if (!result.success || !body) return { problems };
  const loaded: LoadedIssue = { file, issue: result.data, body, lineOf };
  return {
    loaded,
    problems: [
      ...problems,
      ...checkBodyMatchesFrontmatter(loaded),
      ...checkAnchors(result.data, body.tree, file, lineOf),
    ],
  };
}

/** Every article and city report in the front-matter has its element in the body, and back. */
function checkBodyMatchesFrontmatter({ file, issue, body, lineOf }: LoadedIssue): Problem[] {
  const problems: Problem[] = [];
  const declared = new Map<string, string>();
  issue.articles.forEach((a, i) => declared.set(`Article#${a.id}`, `articles[${i}]`));
  issue.cityReports.forEach((r, i) =>
    declared.set(`CityReport#${r.id ?? r.city}`, `cityReports[${i}] ${cityName(r.city)}`),
  );
  const seen = new Set<string>();
  for (const s of body.sections) {
    const key = `${s.component}#${s.anchor}`;
    if (seen.has(key)) {
      problems.push({
        severity: 'error',
        file,
        line: s.line,
        message: `<${s.component}> "${s.anchor}" appears twice in the text; each article and city report appears once`,
      });
    }
    seen.add(key);
    if (!declared.has(key)) {
      const hint = s.component === 'Article' ? `articles (id: ${s.anchor})` : `cityReports (city: ${s.anchor})`;
      problems.push({
        severity: 'error',
        file,
        line: s.line,
        message: `<${s.component}> "${s.anchor || '(no id)'}" in the text has no entry under ${hint} in the front-matter`,
      });
    }
  }
  const pagesInText = new Set(body.pages.map((p) => p.id));
  const pageIds = issue.pages.map((p) => p.id);
  for (const p of body.pages) {
    if (!pageIds.includes(p.id)) {
      problems.push({
        severity: 'error',
        file,
        line: p.line,
        message: `<Page id="${p.id}"> is not listed under pages (${pageIds.join(', ')}) in the front-matter`,
      });
    }
  }
  pageIds.forEach((page, i) => {
    if (!pagesInText.has(page)) {
      const line = lineOf(['pages', i]);
      problems.push({
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field: `pages[${i}]`,
        message: `page ${page} is listed but the text has no <Page id="${page}"> holding it`,
      });
    }
  });
  for (const [key, field] of declared) {
    if (!seen.has(key)) {
      const [component, anchor] = key.split('#');
      const line = lineOf([
        field.startsWith('articles') ? 'articles' : 'cityReports',
        Number(/\[(\d+)\]/.exec(field)?.[1]),
      ]);
      problems.push({
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field,
        message: `declared in the front-matter but the text has no <${component} ${component === 'Article' ? 'id' : 'city'}="${anchor}"> holding its text`,
      });
    }
  }
  return problems;
}

/** Checks across issues: one file per (year, number); a round declared twice must agree. */
export function checkCollection(issues: readonly LoadedIssue[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, LoadedIssue>();
  const rounds = new Map<string, { file: string; json: string }>();
  for (const l of issues) {
    const key = issueKey(l.issue);
    const prior = byKey.get(key);
    if (prior) {
      problems.push({
        severity: 'error',
        file: l.file,
        line: l.lineOf(['number']) ?? 1,
        field: 'year/number',
        message: `issue ${key} (${l.issue.year}年第${l.issue.number}期) is already in ${prior.file}; one file per issue`,
      });
    } else byKey.set(key, l);
    l.issue.rounds.forEach((r, i) => {
      const json = JSON.stringify(r);
      const seen = rounds.get(r.id);
      if (seen && seen.json !== json) {
        problems.push({
          severity: 'error',
          file: l.file,
          line: l.lineOf(['rounds', i]) ?? 1,
          field: `rounds[${i}]`,
          message: `round ${r.id} is declared differently in ${seen.file}; a round's name, date, venue and province figures must agree wherever it is declared`,
        });
      } else if (!seen) rounds.set(r.id, { file: l.file, json });
    });
  }
  return problems;
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
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const issues: LoadedIssue[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const shown = relative(root, path);
    const r = loadIssueFile(path, shown.startsWith('..') ? path : shown);
    problems.push(...r.problems);
    if (r.loaded) issues.push(r.loaded);
  }
  problems.push(...checkCollection(issues));
  return { issues, problems };
}
