/**
 * What a change does to the archive: two loaded archives (a git revision's and the working
 * tree's) compared issue by issue, keyed by year and number so that a renamed file is the same
 * issue. Pure: it reads loaded issues, never files; `npm run diff` (scripts/diff.ts) wires it up.
 */
import { cityName } from '#data/cities.ts';
import {
  BATCHES,
  BATCH_LABELS,
  FIGURE_KEYS,
  cents,
  formatFigure,
  type FigureKey,
  type RoundFigures,
} from '#schemas/figures.ts';
import { issueKey, issueLabel, type Issue } from '#schemas/issue.ts';
import { splitClauses, splitSentences } from '#lib/extract/clauses.ts';
import type { ParsedBody } from '#lib/source/mdx-body.ts';
import type { Problem } from '#lib/check/problem.ts';

/** What the diff needs of a loaded issue (src/lib/source/load.ts gives more). */
export interface ArchiveIssue {
  file: string;
  issue: Issue;
  body: Pick<ParsedBody, 'sections'>;
}

/** One side of the comparison: the issues that loaded and the problems of those that did not. */
export interface ArchiveSide {
  issues: readonly ArchiveIssue[];
  problems: readonly Problem[];
}

export type Change = 'added' | 'removed';

/** The batches and the stated total, in the order the paper lists them. */
export const FIGURE_PARTS = [...BATCHES, 'total'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];
export const FIGURE_PART_LABELS: Record<FigurePart, string> = { ...BATCH_LABELS, total: '合计' };

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

export interface IssueDiff {
  /** `2024-18`. */
  key: string;
  /** `2024年第18期`. */
  label: string;
  change: Change | 'changed';
  /** The file on each side; they differ when the file was renamed. */
  file: { before?: string; after?: string };
  pieces: PieceChange[];
  figures: FigureChange[];
  projects: ProjectChange[];
  text: TextChange[];
  fields: FieldChange[];
}

/** A file that did not load on one side (its problems are `npm run check`'s to report). */
export interface UnreadableFile {
  side: 'before' | 'after';
  file: string;
  errors: number;
}

export interface ArchiveDiff {
  /** Issues that differ, by key. Issues that are the same on both sides are left out. */
  issues: IssueDiff[];
  unreadable: UnreadableFile[];
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
const articleName = (a: Article) => `${a.id} ${a.title}`;

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
function pieceTexts(l: ArchiveIssue | undefined): Map<string, { piece: string; text: string }> {
  const out = new Map<string, { piece: string; text: string }>();
  if (!l) return out;
  const section = (component: string, anchor: string) =>
    l.body.sections.find((s) => s.component === component && s.anchor === anchor)?.text ?? '';
  for (const a of l.issue.articles) {
    const headings = [a.kicker, a.title, a.subtitle].filter((h): h is string => h !== undefined);
    out.set(`Article#${a.id}`, { piece: a.id, text: [...headings, section('Article', a.id)].join('\n') });
  }
  for (const r of l.issue.cityReports) {
    const anchor = reportAnchor(r);
    out.set(`CityReport#${anchor}`, {
      piece: reportName(r),
      text: [...r.headline, section('CityReport', anchor)].join('\n'),
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
export function diffIssue(before: ArchiveIssue | undefined, after: ArchiveIssue | undefined): IssueDiff {
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
  const [textsBefore, textsAfter] = [pieceTexts(before), pieceTexts(after)];
  const text = [...textsAfter].flatMap(([key, t]) => {
    const was = textsBefore.get(key);
    return was ? textChanges(t.piece, was.text, t.text) : [];
  });

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
  };
}

const isUnchanged = (d: IssueDiff) =>
  d.change === 'changed' &&
  d.file.before === d.file.after &&
  d.pieces.length + d.figures.length + d.projects.length + d.text.length + d.fields.length === 0;

function unreadable(side: UnreadableFile['side'], { issues, problems }: ArchiveSide): UnreadableFile[] {
  const loaded = new Set(issues.map((l) => l.file));
  const errors = new Map<string, number>();
  for (const p of problems) {
    if (p.severity === 'error' && !loaded.has(p.file)) errors.set(p.file, (errors.get(p.file) ?? 0) + 1);
  }
  return [...errors].map(([file, n]) => ({ side, file, errors: n }));
}

/** Every issue that differs between `before` (e.g. a git revision) and `after` (the working tree). */
export function diffArchives(before: ArchiveSide, after: ArchiveSide): ArchiveDiff {
  const key = (l: ArchiveIssue) => issueKey(l.issue);
  const issues = pairs(before.issues, after.issues, key)
    .sort((x, y) => x.key.localeCompare(y.key))
    .map((p) => diffIssue(p.before, p.after))
    .filter((d) => !isUnchanged(d));
  return { issues, unreadable: [...unreadable('before', before), ...unreadable('after', after)] };
}

export const isEmptyDiff = (d: ArchiveDiff) => d.issues.length === 0 && d.unreadable.length === 0;
