/**
 * Where each figure was printed: for every figure of a city report and of a round's province
 * figures, the clause of the text that states it. The content check proves each figure
 * against the text with the figure extractor; this names the place it found, so the issue page
 * can mark the clause (an anchor per figure), every table can link a figure to it and the open
 * data can quote it.
 *
 * A figure's place is the clause holding the extractor's mention of it (the text between two of
 * ，；：and line breaks, within a sentence: `总投资70.05亿元`, or `签约、开工、投产项目分别为15个、11个、11个`
 * where one clause states three). A figure a heading line states (`总投资148.17亿元`) has that
 * line as its place. When the text states the same figure in two places and neither is a heading
 * line, the editor names the one meant under the report's (or round's) `sources`, by a piece of
 * its clause; the check refuses the figure until then.
 */
import { splitClauses, splitSentences } from '#lib/extract/clauses.ts';
import { findFigureMentions, type FigureMention } from '#lib/extract/extractor.ts';
import {
  FIGURE_KEYS,
  FIGURE_PARTS,
  UNITS,
  cents,
  type FigureField,
  type FigureKey,
  type FigurePart,
  type RoundFigures,
} from '#schemas/figures.ts';

export interface FigureSource {
  /** The clause's anchor on the issue page: `xinzhou-signed-investment`, `province-2024-2-signed-projects`. */
  id: string;
  /** The anchor of the article or city report whose text holds the clause. */
  in: string;
  part: FigurePart;
  key: FigureKey;
  /** The clause as printed. */
  quote: string;
  /** The report's heading line (0-based) that states the figure, when that is its place. */
  headline?: number | undefined;
  /** Which occurrence of `quote` in the piece's text is the place (0 = the first), when it is in the text. */
  occurrence?: number | undefined;
  /** The page (版) the piece is printed on, when the text lays it out on one (`<Page id="D1">`). */
  page?: string | undefined;
}

/** A figure whose clause is not found once: `missing` (the text does not state it) or `ambiguous`. */
export interface UnplacedFigure {
  part: FigurePart;
  key: FigureKey;
  value: number;
  why: 'missing' | 'ambiguous';
  /** For `ambiguous`: the clauses that state it. */
  quotes: string[];
}

export interface Placing {
  sources: FigureSource[];
  unplaced: UnplacedFigure[];
}

/** The anchor of a city report's figure: `xinzhou-signed-investment`. */
export const reportFigureId = (report: string, part: FigurePart, key: FigureKey) => `${report}-${part}-${key}`;
/** The anchor of a round's province figure: `province-2024-2-signed-projects`. */
export const provinceFigureId = (round: string, part: FigurePart, key: FigureKey) => `province-${round}-${part}-${key}`;

type Place = { headline: number; quote: string } | { quote: string; occurrence: number };

/** The clause of `text` around `offset`, trimmed, with which occurrence of its words it is. */
function clauseAt(text: string, offset: number): { quote: string; occurrence: number } | undefined {
  const sentence = splitSentences(text).find((s) => s.start <= offset && offset < s.end);
  if (!sentence) return undefined;
  const clause = splitClauses(text, sentence).find((c) => c.start <= offset && offset < c.end);
  if (!clause) return undefined;
  const quote = clause.text.trim();
  const start = clause.start + clause.text.indexOf(quote);
  return { quote, occurrence: text.slice(0, start).split(quote).length - 1 };
}

const samePlace = (a: Place, b: Place) =>
  'headline' in a
    ? 'headline' in b && a.headline === b.headline
    : !('headline' in b) && a.quote === b.quote && a.occurrence === b.occurrence;

/**
 * The places that state `value` for `part`.`key` among `mentions`: those the extractor takes for
 * that batch, else any mention of the same value in the same unit (the check accepts either).
 */
function candidates(mentions: readonly FigureMention[], part: FigurePart, key: FigureKey, value: number) {
  const same = mentions.filter((m) => m.unit === UNITS[key] && cents(m.value) === cents(value));
  const taken = same.filter((m) => m.part === part && m.key === key);
  return taken.length > 0 ? taken : same;
}

/** One place for the figure: a heading line first, else the only clause (its first printing), else the one `named` picks. */
function choose(places: Place[], named: string | undefined): Place | 'ambiguous' | undefined {
  const distinct = places.filter((p, i) => places.findIndex((q) => samePlace(p, q)) === i);
  const heading = distinct.find((p) => 'headline' in p);
  if (heading) return heading;
  // The same words printed twice: either is the clause; the first is its place.
  if (distinct.every((p) => p.quote === distinct[0]?.quote)) return distinct[0];
  if (named !== undefined) {
    const picked = distinct.filter((p) => p.quote.includes(named));
    if (picked.length === 1) return picked[0];
  }
  return 'ambiguous';
}

function place(
  out: Placing,
  figure: { id: string; in: string; part: FigurePart; key: FigureKey; value: number },
  places: Place[],
  named: string | undefined,
) {
  const chosen = choose(places, named);
  const { id, in: piece, part, key, value } = figure;
  if (chosen === undefined) out.unplaced.push({ part, key, value, why: 'missing', quotes: [] });
  else if (chosen === 'ambiguous')
    out.unplaced.push({ part, key, value, why: 'ambiguous', quotes: [...new Set(places.map((p) => p.quote))] });
  else out.sources.push({ id, in: piece, part, key, ...chosen });
}

/** Every figure a report or round states, in the paper's order of parts and keys. */
export const statedFigureList = (figures: RoundFigures) =>
  FIGURE_PARTS.flatMap((part) =>
    FIGURE_KEYS.flatMap((key) => {
      const value = figures[part]?.[key];
      return value === undefined ? [] : [{ part, key, value }];
    }),
  );

export interface ReportForSources extends RoundFigures {
  /** The report's anchor (`xinzhou`, or its `id`). */
  anchor: string;
  headline: readonly string[];
  /** The front-matter's choice of clause where the text states a figure twice. */
  sources?: Partial<Record<FigureField, string>> | undefined;
}

/**
 * The place of every figure of one city report. `text` is the report's body text as the check
 * reads it; the heading lines are read before it, as the check does.
 */
export function reportFigureSources(report: ReportForSources, text: string): Placing {
  const out: Placing = { sources: [], unplaced: [] };
  const lines = report.headline.length;
  const all = [...report.headline, text].join('\n');
  const headLength = lines === 0 ? 0 : report.headline.join('\n').length + 1;
  const mentions = findFigureMentions(all);
  const placeOf = (m: FigureMention): Place | undefined => {
    if (m.offset < headLength) {
      const line = all.slice(0, m.offset).split('\n').length - 1;
      return { headline: line, quote: report.headline[line] ?? '' };
    }
    return clauseAt(text, m.offset - headLength);
  };
  for (const { part, key, value } of statedFigureList(report)) {
    const places = candidates(mentions, part, key, value).flatMap((m) => placeOf(m) ?? []);
    const id = reportFigureId(report.anchor, part, key);
    place(out, { id, in: report.anchor, part, key, value }, places, report.sources?.[`${part}.${key}`]);
  }
  return out;
}

export interface RoundForSources {
  id: string;
  province: RoundFigures;
  sources?: Partial<Record<FigureField, string>> | undefined;
}

/**
 * The place of every province figure of a round: in the first article (in reading order) whose
 * text states it, read as the province's report (a city's figures there are not the province's).
 */
export function provinceFigureSources(
  round: RoundForSources,
  articles: readonly { anchor: string; text: string }[],
): Placing {
  const out: Placing = { sources: [], unplaced: [] };
  const read = articles.map((a) => ({ ...a, mentions: findFigureMentions(a.text, { scope: 'province' }) }));
  for (const { part, key, value } of statedFigureList(round.province)) {
    const id = provinceFigureId(round.id, part, key);
    const article = read.find((a) => candidates(a.mentions, part, key, value).length > 0);
    const places = article
      ? candidates(article.mentions, part, key, value).flatMap((m) => clauseAt(article.text, m.offset) ?? [])
      : [];
    place(out, { id, in: article?.anchor ?? '', part, key, value }, places, round.sources?.[`${part}.${key}`]);
  }
  return out;
}
