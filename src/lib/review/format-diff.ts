/**
 * An archive diff as a reviewer reads it: one line per change for the terminal, or Markdown
 * tables for a pull request's job summary. Numbers are written as the archive writes them.
 */
import { FIGURE_PART_LABELS, UNITS, formatNumber } from '#schemas/figures.ts';
import { formatProblem } from '#lib/check/problem.ts';
import {
  isEmptyDiff,
  type ArchiveDiff,
  type FailsCheck,
  type FigureChange,
  type IssueDiff,
  type TextChange,
} from './archive-diff.ts';

export const DIFF_FORMATS = ['text', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A clause is shown in full up to this many characters; a longer one is cut around its edit. */
export const EXCERPT_LENGTH = 40;
/** Characters kept before the edit, so the excerpt says where in the clause it is. */
const EXCERPT_LEAD = 12;

/** A short excerpt of a clause that holds the point where it was edited: `…孟县10万千瓦光伏项目、华电孟县…`. */
export function excerpt(t: Pick<TextChange, 'clause' | 'differsAt'>): string {
  const { clause } = t;
  if (clause.length <= EXCERPT_LENGTH) return clause;
  const start = Math.min(Math.max(0, t.differsAt - EXCERPT_LEAD), clause.length - EXCERPT_LENGTH);
  const end = start + EXCERPT_LENGTH;
  return `${start > 0 ? '…' : ''}${clause.slice(start, end)}${end < clause.length ? '…' : ''}`;
}

const value = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));

/** `忻州 投产一批 investment: 12.24 → 12.34 亿元`. */
export const describeFigure = (f: FigureChange) =>
  `${f.unit} ${FIGURE_PART_LABELS[f.part]} ${f.key}: ${value(f.before)} → ${value(f.after)} ${UNITS[f.key]}`;

function fileLine(d: IssueDiff): string | undefined {
  const { before, after } = d.file;
  const what = (file: string | undefined) => (d.label ? `issue ${d.label} (${file})` : `file ${file}`);
  if (d.change === 'added') return `added ${what(after)}`;
  if (d.change === 'removed') return `removed ${what(before)}`;
  return before === after ? undefined : `file renamed: ${before} → ${after}`;
}

const where = (f: FailsCheck, ref: string) => (f.side === 'before' ? `at ${ref}` : 'in the working tree');

/** `the check in the working tree (2 error(s))`, which the issue fails. */
const checkFailed = (f: FailsCheck, ref: string) => `the check ${where(f, ref)} (${f.count} error(s))`;

/** What of a failing side was not compared, when something was not. */
function notComparedLine(f: FailsCheck, ref: string): string | undefined {
  if (f.notCompared === 'anything')
    return `nothing of it is compared: its front-matter ${where(f, ref)} cannot be read as an issue`;
  if (f.notCompared === 'text') return `its text is not compared: its body ${where(f, ref)} does not parse`;
  return undefined;
}

/** After the first errors shown, how many more `npm run check` names. */
const moreErrors = (f: FailsCheck) =>
  f.count > f.errors.length ? `and ${f.count - f.errors.length} more (npm run check names them all)` : undefined;

/** One line per change, each starting with the issue's key: `2024-19 忻州 投产一批 investment: 12.24 → 12.34 亿元`. */
export function formatDiffText(diff: ArchiveDiff, ref: string): string {
  if (isEmptyDiff(diff)) return `no change to the archive since ${ref}`;
  const lines: string[] = [];
  for (const d of diff.issues) {
    const file = fileLine(d);
    if (file) lines.push(`${d.key}: ${file}`);
    for (const f of d.failsCheck) {
      const [first, ...rest] = f.errors.map(formatProblem);
      lines.push(`${d.key}: fails ${checkFailed(f, ref)}, first: ${first}`);
      for (const e of rest) lines.push(`${d.key}:   ${e}`);
      const more = moreErrors(f);
      if (more) lines.push(`${d.key}:   ${more}`);
      const unread = notComparedLine(f, ref);
      if (unread) lines.push(`${d.key}: ${unread}`);
    }
    for (const p of d.pieces) lines.push(`${d.key}: ${p.change} ${p.kind} ${p.name}`);
    for (const f of d.figures) lines.push(`${d.key} ${describeFigure(f)}`);
    for (const p of d.projects) {
      const facts = p.change === 'changed' ? `${p.before} → ${p.after}` : (p.after ?? p.before);
      lines.push(`${d.key}: ${p.change} project ${p.name} (${facts})`);
    }
    for (const f of d.fields) lines.push(`${d.key} ${f.piece}: ${f.field}: ${f.before ?? '—'} → ${f.after ?? '—'}`);
    for (const t of d.text) lines.push(`${d.key} ${t.piece}: ${t.change === 'added' ? '+' : '-'} “${excerpt(t)}”`);
  }
  return lines.join('\n');
}

/** A table cell: no line breaks, and `|`, `\`, `<`, `*`, `_`, `` ` `` and `[` read as themselves. */
const cell = (s: string) =>
  s
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map((r) => line(r.map(cell)))].join('\n');
}

/** Markdown for a job summary: a heading per issue, then tables of pieces, figures, projects and text. */
export function formatDiffMarkdown(diff: ArchiveDiff, ref: string): string {
  const out = [`## What this change does to the archive (compared with \`${cell(ref)}\`)`];
  if (isEmptyDiff(diff)) {
    out.push('No issue, figure, project or text of the archive changes.');
    return `${out.join('\n\n')}\n`;
  }
  for (const d of diff.issues) {
    out.push(d.label ? `### ${d.label} (${d.key})` : `### ${cell(d.key)}`);
    const file = fileLine(d);
    if (file) out.push(cell(file));
    for (const f of d.failsCheck) {
      const more = moreErrors(f);
      const unread = notComparedLine(f, ref);
      out.push(
        [
          `**⚠ Fails ${cell(checkFailed(f, ref))}**${unread ? `; ${cell(unread)}` : ''}. First:`,
          '',
          ...f.errors.map((e) => `- ${cell(formatProblem(e))}`),
          ...(more ? [`- ${cell(more)}`] : []),
        ].join('\n'),
      );
    }
    if (d.pieces.length > 0)
      out.push(
        table(
          ['change', 'what', 'which'],
          d.pieces.map((p) => [p.change, p.kind, p.name]),
        ),
      );
    if (d.figures.length > 0) {
      out.push(
        table(
          ['reporting unit', 'batch', 'figure', 'before', 'after', 'in'],
          d.figures.map((f) => [
            f.unit,
            FIGURE_PART_LABELS[f.part],
            f.key,
            value(f.before),
            value(f.after),
            UNITS[f.key],
          ]),
        ),
      );
    }
    if (d.projects.length > 0) {
      out.push(
        table(
          ['change', 'project', 'before', 'after'],
          d.projects.map((p) => [p.change, p.name, p.before ?? '—', p.after ?? '—']),
        ),
      );
    }
    if (d.fields.length > 0) {
      out.push(
        table(
          ['where', 'field', 'before', 'after'],
          d.fields.map((f) => [f.piece, f.field, f.before ?? '—', f.after ?? '—']),
        ),
      );
    }
    if (d.text.length > 0) {
      out.push(
        table(
          ['piece', 'change', 'clause'],
          d.text.map((t) => [t.piece, t.change, excerpt(t)]),
        ),
      );
    }
  }
  return `${out.join('\n\n')}\n`;
}
