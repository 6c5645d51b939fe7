/**
 * An archive diff as a reviewer reads it: one line per change for the terminal, or Markdown
 * tables for a pull request's job summary. Numbers are written as the archive writes them.
 */
import { UNITS, formatNumber } from '#schemas/figures.ts';
import {
  FIGURE_PART_LABELS,
  isEmptyDiff,
  type ArchiveDiff,
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
  if (d.change === 'added') return `added issue ${d.label} (${after})`;
  if (d.change === 'removed') return `removed issue ${d.label} (${before})`;
  return before === after ? undefined : `file renamed: ${before} → ${after}`;
}

function unreadableLine(u: ArchiveDiff['unreadable'][number], ref: string): string {
  const where = u.side === 'before' ? `at ${ref}` : 'in the working tree';
  return `${u.file} ${where} does not load (${u.errors} error(s), named by npm run check), so its changes are not shown`;
}

/** One line per change, each starting with the issue's key: `2024-19 忻州 投产一批 investment: 12.24 → 12.34 亿元`. */
export function formatDiffText(diff: ArchiveDiff, ref: string): string {
  if (isEmptyDiff(diff)) return `no change to the archive since ${ref}`;
  const lines: string[] = [];
  for (const d of diff.issues) {
    const file = fileLine(d);
    if (file) lines.push(`${d.key}: ${file}`);
    for (const p of d.pieces) lines.push(`${d.key}: ${p.change} ${p.kind} ${p.name}`);
    for (const f of d.figures) lines.push(`${d.key} ${describeFigure(f)}`);
    for (const p of d.projects) {
      const facts = p.change === 'changed' ? `${p.before} → ${p.after}` : (p.after ?? p.before);
      lines.push(`${d.key}: ${p.change} project ${p.name} (${facts})`);
    }
    for (const f of d.fields) lines.push(`${d.key} ${f.piece}: ${f.field}: ${f.before ?? '—'} → ${f.after ?? '—'}`);
    for (const t of d.text) lines.push(`${d.key} ${t.piece}: ${t.change === 'added' ? '+' : '-'} “${excerpt(t)}”`);
  }
  for (const u of diff.unreadable) lines.push(unreadableLine(u, ref));
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
    out.push(`### ${d.label} (${d.key})`);
    const file = fileLine(d);
    if (file) out.push(cell(file));
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
  if (diff.unreadable.length > 0) out.push(diff.unreadable.map((u) => `- ${cell(unreadableLine(u, ref))}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}
