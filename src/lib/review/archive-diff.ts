/**
 * What a change does to the archive: two loaded archives (a git revision's and the working
 * tree's) compared issue by issue, keyed by year and number so that a renamed file is the same
 * issue. Pure: it reads loaded issues, never files; `npm run diff` (scripts/diff.ts) wires it up.
 * A file that does not pass the check is compared as far as it can be read (the loader's
 * readArchive) and its issue marked as failing with its first errors: it is never called removed.
 */
import { cityName } from '#data/cities.ts';
import {
  BATCH_LABELS,
  FIGURE_KEYS,
  FIGURE_PARTS,
  type FigurePart,
  cents,
  formatFigure,
  type FigureKey,
  type RoundFigures,
} from '#schemas/figures.ts';
import { issueKey, issueLabel, type Issue } from '#schemas/issue.ts';
import { splitClauses, splitSentences } from '#lib/extract/clauses.ts';
import type { ParsedBody } from '#lib/source/mdx-body.ts';
import { errorsIn, type Problem } from '#lib/check/problem.ts';

/** What the diff needs of a loaded issue (src/lib/source/loaded-issue.ts has more). */
export interface ArchiveIssue {
  file: string;
  issue: Issue;
  body: Pick<ParsedBody, 'sections'>;
}

/**
 * A file that did not load, as far as it could be read regardless (src/lib/source/parse-issue.ts,
 * issueRegardless): `issue` holds what of the front-matter parses, rules not applied.
 */
export interface UnloadedIssue {
  file: string;
  /** Absent when the front-matter, or its year and number, does not parse. */
  issue?: Issue;
  /** Absent when the body does not parse. */
  body?: Pick<ParsedBody, 'sections'>;
}

/**
 * An issue as far as the diff can read it: a loaded issue, or a file read regardless of the
 * schema (an UnloadedIssue with an issue), whose body may not parse.
 */
export interface ReadableIssue {
  file: string;
  issue: Issue;
  body?: Pick<ParsedBody, 'sections'> | undefined;
}

/** One side of the comparison: the issues that loaded, every problem, and what can be read of the rest. */
export interface ArchiveSide {
  issues: readonly ArchiveIssue[];
  problems: readonly Problem[];
  /** Files that did not load; a file with errors named in neither list is taken as unreadable. */
  unloaded?: readonly UnloadedIssue[];
}

export type Change = 'added' | 'removed';
export type Side = 'before' | 'after';

/** An article, a city report or a round that is in one archive and not the other. */
export interface PieceChange {
  change: Change;
  kind: 'article' | 'city report' | 'round';
  /** `lead 全省开发区…举行`, `忻州`, `2024-2`. */
  name: string;
}

/** One figure that differs: `忻州 投产一批 investment: 12.24 → 12.34 亿元`. Absent = not stated. */
export interface FigureChange {
  /** The reporting unit: a city's name (`忻州`), or `全省 2024-2` for a round's province figures. */
  unit: string;
  part: FigurePart;
  key: FigureKey;
  before?: number;
  after?: number;
}

/** A named project added or removed, or whose stated facts changed (then both are given). */
export interface ProjectChange {
  change: Change | 'changed';
  name: string;
  /** `太原, 开工一批, 4.18亿元`: what the front-matter states about it. */
  before?: string;
  after?: string;
}

/** A clause of an article's or city report's text (its printed headings included) added or removed. */
export interface TextChange {
  /** The piece: an article's id or a city's name. */
  piece: string;
  change: Change;
  clause: string;
  /**
   * Where the clause first differs from the most alike clause on the other side (0 when
   * none is alike), so an excerpt of a long clause can show what was edited.
   */
  differsAt: number;
}

/**
 * Any other front-matter value that differs (a reporter, a date, a venue, a page): where it
 * is (`issue`, `round 2024-2`, an article's id, a city's name), the field, and both values.
 */
export interface FieldChange {
  piece: string;
  field: string;
  before?: string;
  after?: string;
}

/** How many of a failing file's errors the diff carries and shows (`npm run check` names them all). */
export const FIRST_ERRORS = 3;

/** A side on which the issue's file does not pass the check (the loader's part of it: schema, sums, body). */
export interface FailsCheck {
  side: Side;
  file: string;
  /** All its errors. */
  count: number;
  /** The first FIRST_ERRORS of them, as the check words them. */
  errors: Problem[];
  /**
   * What of the file could not be read, so was not compared: `anything` when its front-matter
   * (or its year and number) does not parse, `text` when its body does not.
   */
  notCompared?: 'anything' | 'text';
}

export interface IssueDiff {
  /** `2024-18`; the file's name (`2024-18-d1`) when neither side's front-matter can be read. */
  key: string;
  /** `2024年第18期`; absent when neither side's front-matter can be read. */
  label?: string;
  change: Change | 'changed';
  /** The file on each side; they differ when the file was renamed. */
  file: { before?: string; after?: string };
  pieces: PieceChange[];
  figures: FigureChange[];
  projects: ProjectChange[];
  text: TextChange[];
  fields: FieldChange[];
  /** The sides on which the issue's file fails the check, before first. */
  failsCheck: FailsCheck[];
}

export interface ArchiveDiff {
  /** Issues that differ or fail the check on a side, by key. Issues the same on both sides and passing are left out. */
  issues: IssueDiff[];
}

const EMPTY_ISSUE = { articles: [], cityReports: [], rounds: [], projects: [] } as const;

/** Both unstated, or equal to the cent. */
const sameFigure = (x: number | undefined, y: number | undefined) =>
  x === undefined || y === undefined ? x === y : cents(x) === cents(y);

function figureChanges(unit: string, before: RoundFigures | undefined, after: RoundFigures | undefined) {
  const out: FigureChange[] = [];
  for (const part of FIGURE_PARTS) {
    for (const key of FIGURE_KEYS) {
      const [b, a] = [before?.[part]?.[key], after?.[part]?.[key]];
      if (sameFigure(b, a)) continue;
      out.push({
        unit,
        part,
        key,
        ...(b === undefined ? {} : { before: b }),
        ...(a === undefined ? {} : { after: a }),
      });
    }
  }
  return out;
}

/** Entries of two lists matched by key, in the order of `after` then what only `before` has. */
function pairs<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const b = new Map(before.map((t) => [key(t), t]));
  const a = new Map(after.map((t) => [key(t), t]));
  return [...new Set([...a.keys(), ...b.keys()])].map((k) => ({ key: k, before: b.get(k), after: a.get(k) }));
}

type CityReport = Issue['cityReports'][number];
type Article = Issue['articles'][number];
type Project = Issue['projects'][number];

const roundId = (r: Issue['rounds'][number]) => r.id;

const reportAnchor = (r: CityReport) => r.id ?? r.city;
const reportName = (r: CityReport) => `${cityName(r.city)}${r.id ? ` (${r.id})` : ''}`;
// An issue read regardless of the schema (UnloadedIssue) may lack a required title or headline.
const articleName = (a: Article) => [a.id, a.title].filter((x) => x !== undefined).join(' ');

function describeProject(p: Project): string {
  return [
    cityName(p.city),
    p.round,
    p.batch && BATCH_LABELS[p.batch],
    p.investment === undefined ? undefined : formatFigure('investment', p.investment),
    p.company,
    p.zone,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The clauses of a text, trimmed, as a multiset (clause → how often it occurs). */
function clauses(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const sentence of splitSentences(text)) {
    for (const clause of splitClauses(text, sentence)) {
      const c = clause.text.trim();
      if (c) out.set(c, (out.get(c) ?? 0) + 1);
    }
  }
  return out;
}

/** Clauses in `from` that `to` holds fewer times, each once per missing occurrence. */
function missing(from: Map<string, number>, to: Map<string, number>): string[] {
  return [...from].flatMap(([c, n]) => Array<string>(Math.max(0, n - (to.get(c) ?? 0))).fill(c));
}

/** Length of the longest start `clause` shares with any of `others`. */
function sharedStart(clause: string, others: readonly string[]): number {
  let best = 0;
  for (const o of others) {
    let n = 0;
    while (n < clause.length && clause[n] === o[n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

function textChanges(piece: string, before: string, after: string): TextChange[] {
  if (before === after) return [];
  const [b, a] = [clauses(before), clauses(after)];
  const [removed, added] = [missing(b, a), missing(a, b)];
  return [
    ...removed.map((clause) => ({ piece, change: 'removed' as const, clause, differsAt: sharedStart(clause, added) })),
    ...added.map((clause) => ({ piece, change: 'added' as const, clause, differsAt: sharedStart(clause, removed) })),
  ];
}

/** The printed text of a piece: its headings from the front-matter, then its body text. */
function pieceTexts(l: ReadableIssue | undefined): Map<string, { piece: string; text: string }> {
  const out = new Map<string, { piece: string; text: string }>();
  if (!l) return out;
  const section = (component: string, anchor: string) =>
    (l.body?.sections ?? []).find((s) => s.component === component && s.anchor === anchor)?.text ?? '';
  for (const a of l.issue.articles) {
    const headings = [a.kicker, a.title, a.subtitle].filter((h): h is string => h !== undefined);
    out.set(`Article#${a.id}`, { piece: a.id, text: [...headings, section('Article', a.id)].join('\n') });
  }
  for (const r of l.issue.cityReports) {
    const anchor = reportAnchor(r);
    out.set(`CityReport#${anchor}`, {
      piece: reportName(r),
      text: [...((r.headline as string[] | undefined) ?? []), section('CityReport', anchor)].join('\n'),
    });
  }
  return out;
}

/**
 * The front-matter values of `value` other than those compared elsewhere (`skip`), flattened
 * to `masthead.email` → `kfjzsk@163.com`; a list reads `D1, D3`.
 */
function flatFields(value: object | undefined, skip: readonly string[], prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of Object.entries(value ?? {})) {
    if (skip.includes(key) || v === undefined) continue;
    const field = `${prefix}${key}`;
    if (Array.isArray(v)) out.set(field, v.join(', '));
    else if (v && typeof v === 'object') for (const [k, x] of flatFields(v, [], `${field}.`)) out.set(k, x);
    else out.set(field, String(v));
  }
  return out;
}

function fieldChanges(piece: string, before: Map<string, string>, after: Map<string, string>): FieldChange[] {
  return [...new Set([...before.keys(), ...after.keys()])].flatMap((field) => {
    const [b, a] = [before.get(field), after.get(field)];
    if (b === a) return [];
    return [{ piece, field, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) }];
  });
}

// What other parts of the diff already show: keys, figures, the printed headings (in `text`).
const SKIP = {
  issue: ['year', 'number', 'rounds', 'articles', 'cityReports', 'projects'],
  round: ['id', 'province'],
  article: ['id', 'kicker', 'title', 'subtitle'],
  cityReport: ['city', 'id', 'headline', ...FIGURE_PARTS],
} as const;

/** One issue on both sides (either may be missing: the issue was added or removed). */
export function diffIssue(before: ReadableIssue | undefined, after: ReadableIssue | undefined): IssueDiff {
  const issue = (after ?? before)?.issue;
  if (!issue) throw new Error('diffIssue needs the issue on at least one side');
  const [b, a] = [before?.issue ?? EMPTY_ISSUE, after?.issue ?? EMPTY_ISSUE];

  const pieces: PieceChange[] = [];
  const piecesOf = <T>(
    kind: PieceChange['kind'],
    bs: readonly T[],
    as: readonly T[],
    key: (t: T) => string,
    name: (t: T) => string,
  ) => {
    for (const p of pairs(bs, as, key)) {
      if (p.before && !p.after) pieces.push({ change: 'removed', kind, name: name(p.before) });
      if (p.after && !p.before) pieces.push({ change: 'added', kind, name: name(p.after) });
    }
  };
  piecesOf('round', b.rounds, a.rounds, roundId, roundId);
  piecesOf('article', b.articles, a.articles, (x) => x.id, articleName);
  piecesOf('city report', b.cityReports, a.cityReports, reportAnchor, reportName);

  const figures = [
    ...pairs(b.rounds, a.rounds, roundId).flatMap((p) =>
      figureChanges(`全省 ${p.key}`, p.before?.province, p.after?.province),
    ),
    ...pairs(b.cityReports, a.cityReports, reportAnchor).flatMap((p) =>
      figureChanges(reportName((p.after ?? p.before)!), p.before, p.after),
    ),
  ];

  const projects: ProjectChange[] = [];
  for (const p of pairs(b.projects, a.projects, (x) => `${x.city} ${x.name}`)) {
    const [was, is] = [p.before && describeProject(p.before), p.after && describeProject(p.after)];
    if (was === is) continue;
    const name = (p.after ?? p.before)!.name;
    const change = was === undefined ? 'added' : is === undefined ? 'removed' : 'changed';
    projects.push({
      change,
      name,
      ...(was === undefined ? {} : { before: was }),
      ...(is === undefined ? {} : { after: is }),
    });
  }

  // Text is compared for pieces on both sides; an added or removed piece is listed whole above.
  // A body that does not parse has no text to compare (the issue's failsCheck says so).
  const [textsBefore, textsAfter] = [pieceTexts(before), pieceTexts(after)];
  const text =
    before?.body && after?.body
      ? [...textsAfter].flatMap(([key, t]) => {
          const was = textsBefore.get(key);
          return was ? textChanges(t.piece, was.text, t.text) : [];
        })
      : [];

  // Other front-matter values, for what is on both sides (an added piece is new as a whole).
  const fields = [
    ...(before && after
      ? fieldChanges('issue', flatFields(before.issue, SKIP.issue), flatFields(after.issue, SKIP.issue))
      : []),
    ...pairs(b.rounds, a.rounds, roundId).flatMap((p) =>
      p.before && p.after
        ? fieldChanges(`round ${p.key}`, flatFields(p.before, SKIP.round), flatFields(p.after, SKIP.round))
        : [],
    ),
    ...pairs(b.articles, a.articles, (x) => x.id).flatMap((p) =>
      p.before && p.after
        ? fieldChanges(p.key, flatFields(p.before, SKIP.article), flatFields(p.after, SKIP.article))
        : [],
    ),
    ...pairs(b.cityReports, a.cityReports, reportAnchor).flatMap((p) =>
      p.before && p.after
        ? fieldChanges(reportName(p.after), flatFields(p.before, SKIP.cityReport), flatFields(p.after, SKIP.cityReport))
        : [],
    ),
  ];

  return {
    key: issueKey(issue),
    label: issueLabel(issue),
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    file: { ...(before ? { before: before.file } : {}), ...(after ? { after: after.file } : {}) },
    pieces,
    figures,
    projects,
    text,
    fields,
    failsCheck: [],
  };
}

const isUnchanged = (d: IssueDiff) =>
  d.change === 'changed' &&
  d.file.before === d.file.after &&
  d.failsCheck.length === 0 &&
  d.pieces.length + d.figures.length + d.projects.length + d.text.length + d.fields.length === 0;

/** A file of one side: what could be read of it, and its errors. */
interface SideFile {
  side: Side;
  file: string;
  issue?: Issue | undefined;
  body?: Pick<ParsedBody, 'sections'> | undefined;
  errors: Problem[];
}

function sideFiles(side: Side, { issues, problems, unloaded = [] }: ArchiveSide): SideFile[] {
  const errors = new Map<string, Problem[]>();
  for (const p of errorsIn(problems)) errors.set(p.file, [...(errors.get(p.file) ?? []), p]);
  const errorsOf = (file: string) => errors.get(file) ?? [];
  const files: SideFile[] = [
    ...issues.map((l) => ({ side, file: l.file, issue: l.issue, body: l.body, errors: errorsOf(l.file) })),
    ...unloaded.map((u) => ({ side, file: u.file, issue: u.issue, body: u.body, errors: errorsOf(u.file) })),
  ];
  // A side given without `unloaded` (loadIssues's result): a file with errors that did not load reads as nothing.
  const known = new Set(files.map((f) => f.file));
  for (const file of errors.keys()) if (!known.has(file)) files.push({ side, file, errors: errorsOf(file) });
  return files;
}

function failing(f: SideFile | undefined): FailsCheck[] {
  if (!f || f.errors.length === 0) return [];
  const notCompared = !f.issue ? 'anything' : !f.body ? 'text' : undefined;
  return [
    {
      side: f.side,
      file: f.file,
      count: f.errors.length,
      errors: f.errors.slice(0, FIRST_ERRORS),
      ...(notCompared ? { notCompared } : {}),
    },
  ];
}

interface FilePair {
  before: SideFile | undefined;
  after: SideFile | undefined;
}

const keyOf = (f: SideFile) => (f.issue ? issueKey(f.issue) : undefined);

/**
 * The files of both sides paired by issue key, so that a renamed file is the same issue; a file
 * whose key cannot be read (or a second file of a key) goes with the same file on the other side.
 */
function pairFiles(before: SideFile[], after: SideFile[]): FilePair[] {
  const seen = new Set<string>();
  const first = (f: SideFile) => {
    const key = keyOf(f);
    const id = `${f.side} ${key}`;
    if (key === undefined || seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  const [keyedBefore, keyedAfter] = [before.filter(first), after.filter(first)];
  const out: FilePair[] = pairs(keyedBefore, keyedAfter, (f) => keyOf(f)!).map((p) => ({
    before: p.before,
    after: p.after,
  }));
  const keyed = new Set([...keyedBefore, ...keyedAfter]);
  for (const f of [...before, ...after]) {
    if (keyed.has(f)) continue;
    const other = f.side === 'before' ? 'after' : 'before';
    const p = out.find((q) => q[f.side] === undefined && q[other]?.file === f.file);
    if (p) p[f.side] = f;
    else out.push(f.side === 'before' ? { before: f, after: undefined } : { before: undefined, after: f });
  }
  return out;
}

const readable = (f: SideFile | undefined): ReadableIssue | undefined =>
  f?.issue ? { file: f.file, issue: f.issue, body: f.body } : undefined;

/** `2024-18-d1` for `content/issues/2024-18-d1.mdx`: an issue's key when no side's front-matter names it. */
const fileKey = (file: string) => (file.split('/').pop() ?? file).replace(/\.mdx$/, '');

/**
 * A file pair's diff. What each side can read is compared; a side that exists but reads as
 * nothing is not compared at all, so nothing of the other side shows as added or removed.
 */
function diffPair({ before, after }: FilePair): IssueDiff {
  const [b, a] = [readable(before), readable(after)];
  const unread = (before && !b) || (after && !a);
  const compared = unread ? undefined : diffIssue(b, a);
  const issue = (a ?? b)?.issue;
  return {
    key: issue ? issueKey(issue) : fileKey((after ?? before)!.file),
    ...(issue ? { label: issueLabel(issue) } : {}),
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    file: { ...(before ? { before: before.file } : {}), ...(after ? { after: after.file } : {}) },
    pieces: compared?.pieces ?? [],
    figures: compared?.figures ?? [],
    projects: compared?.projects ?? [],
    text: compared?.text ?? [],
    fields: compared?.fields ?? [],
    failsCheck: [...failing(before), ...failing(after)],
  };
}

/**
 * Every issue that differs between `before` (e.g. a git revision) and `after` (the working
 * tree), or whose file fails the check on either side.
 */
export function diffArchives(before: ArchiveSide, after: ArchiveSide): ArchiveDiff {
  const issues = pairFiles(sideFiles('before', before), sideFiles('after', after))
    .map(diffPair)
    .sort((x, y) => x.key.localeCompare(y.key))
    .filter((d) => !isUnchanged(d));
  return { issues };
}

export const isEmptyDiff = (d: ArchiveDiff) => d.issues.length === 0;
