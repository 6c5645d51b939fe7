/**
 * The document Pagefind indexes for one issue: every article's and city report's heading
 * tokens, heading words (for ranking) and body tokens, the filter values its pieces carry, and
 * as metadata the issue's label and date and its pieces (src/lib/search/pieces.ts), from which
 * the search page keeps the pieces that match and cuts their excerpts. One page per issue, not
 * per piece: a query's work in Pagefind grows with the pages holding its words times their
 * postings, and per piece a common word costs a thousand issues' eleven thousand pieces
 * (BENCHMARKS.md).
 * The tokens come from tokens.ts, with traditional characters read as simplified (variants.ts).
 */
import { cityName } from '#data/cities.ts';
import type { Piece } from './pieces.ts';
import type { ExtractedPiece } from './pieces-from-html.ts';
import { issueOrder } from './facets.ts';
import { headingTokens, indexTokens } from './tokens.ts';
import { simplifiedVariants, type Variants } from './variants.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value Pagefind reads from an attribute: `<span data-pagefind-meta="title[data-v]" data-v="…">`. */
const field = (kind: 'meta' | 'filter' | 'sort', key: string, value: string) =>
  `<span data-pagefind-${kind}="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`;

/** The traditional characters `text` holds, each with its simplified form: the piece's own share of the table. */
function variantsIn(text: string, variants: Variants): Record<string, string> | undefined {
  const found = [...new Set(text)].filter((ch) => variants.has(ch)).sort();
  return found.length === 0 ? undefined : Object.fromEntries(found.map((ch) => [ch, variants.get(ch) ?? ch]));
}

/** What the search page needs of a piece to match, filter and show it. */
export function pieceOf(extracted: ExtractedPiece, variants: Variants = simplifiedVariants()): Piece {
  const f = extracted.facets;
  const own = variantsIn([...f.heading, extracted.body].join('\n'), variants);
  return {
    anchor: extracted.anchor,
    title: f.title,
    heading: f.heading,
    kind: f.kind,
    cities: f.cities,
    ...(f.cities.length > 0 ? { city: f.cities.map((c) => cityName(c)).join('、') } : {}),
    rounds: f.rounds,
    ...(f.page === undefined ? {} : { page: f.page }),
    text: extracted.body,
    ...(own === undefined ? {} : { variants: own }),
  };
}

/** The HTML Pagefind reads for one issue: its pieces, in page order. */
export function issueDocument(pieces: readonly ExtractedPiece[]): string {
  const [first] = pieces;
  if (!first) throw new Error('an issue without articles has nothing to index');
  const f = first.facets;
  const variants = simplifiedVariants();
  const values = (pick: (r: ExtractedPiece) => string[]) => [...new Set(pieces.flatMap(pick))];
  const fields = [
    field('meta', 'title', f.issueLabel),
    field('meta', 'issue', f.issueLabel),
    ...(f.date === undefined ? [] : [field('meta', 'date', f.date)]),
    field('meta', 'pieces', JSON.stringify(pieces.map((p) => pieceOf(p, variants)))),
    ...values((r) => r.facets.cities).map((c) => field('filter', 'city', c)),
    field('filter', 'year', String(f.year)),
    field('filter', 'issue', f.issue),
    ...values((r) => [r.facets.kind]).map((k) => field('filter', 'kind', k)),
    ...values((r) => r.facets.rounds).map((r) => field('filter', 'round', r)),
    field('sort', 'date', issueOrder(f)),
  ];
  // Each piece: its heading's tokens (matched like the body), its heading words (ranked), its body.
  const indexed = pieces.map((r) => {
    const heading = r.facets.heading.join('\n');
    return `<p>${indexTokens(heading, variants)}</p><p>${headingTokens(heading, variants)}</p><p>${indexTokens(r.body, variants)}</p>`;
  });
  // No lang: the tokens are no language, and Pagefind would run its Chinese word segmenter over
  // them for nothing (adding issues took 40% longer with lang="zh-CN"); the search page then
  // also skips the browser's segmenter, which the tokens do not need.
  return `<html><body><div data-pagefind-body>${indexed.join('')}</div>${fields.join('')}</body></html>`;
}
