/**
 * The document Pagefind indexes for one article or city report: the heading's search tokens
 * (weighted), the body's tokens, and the facts a result shows as Pagefind metadata — the
 * reader-visible text among them, from which the search page cuts its excerpt. The tokens come
 * from tokens.ts, with traditional characters read as simplified (variants.ts).
 */
import { cityName } from '#data/cities.ts';
import type { ExtractedRecord } from './records-from-html.ts';
import { issueOrder } from './record.ts';
import { indexTokens } from './tokens.ts';
import { simplifiedVariants } from './variants.ts';

/** Pagefind's own weight for heading words is 1 for body words; the printed heading counts more. */
const HEADING_WEIGHT = 4;
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value Pagefind reads from an attribute: `<span data-pagefind-meta="title[data-v]" data-v="…">`. */
const field = (kind: 'meta' | 'filter' | 'sort', key: string, value: string) =>
  `<span data-pagefind-${kind}="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`;

/** The HTML Pagefind reads for one record. */
export function recordDocument(record: ExtractedRecord): string {
  const f = record.facets;
  const variants = simplifiedVariants();
  const cityNames = f.cities.map((c) => cityName(c));
  const fields = [
    field('meta', 'title', f.title),
    field('meta', 'issue', f.issueLabel),
    field('meta', 'kind', f.kind),
    field('meta', 'text', record.body),
    ...(f.date === undefined ? [] : [field('meta', 'date', f.date)]),
    ...(f.page === undefined ? [] : [field('meta', 'page', f.page)]),
    ...(cityNames.length > 0 ? [field('meta', 'city', cityNames.join('、'))] : []),
    ...f.cities.map((c) => field('filter', 'city', c)),
    field('filter', 'year', String(f.year)),
    field('filter', 'issue', f.issue),
    field('filter', 'kind', f.kind),
    ...f.rounds.map((r) => field('filter', 'round', r)),
    field('sort', 'date', issueOrder(f)),
  ];
  // No lang: the tokens are no language, and Pagefind would run its Chinese word segmenter over
  // them for nothing (adding records took 40% longer with lang="zh-CN"); the search page then
  // also skips the browser's segmenter, which the tokens do not need.
  return `<html><body><div data-pagefind-body><p data-pagefind-weight="${HEADING_WEIGHT}">${indexTokens(f.heading.join('\n'), variants)}</p><p>${indexTokens(record.body, variants)}</p></div>${fields.join('')}</body></html>`;
}
