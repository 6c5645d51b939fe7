/**
 * The importer in one call: page text → draft structure → MDX and figures, read by the figure
 * extractor. Shared by `npm run import`, `npm run import:score` and the tests; the PDF importer
 * (pdf/import-pdf.ts) builds its draft from the PDF and renders it with `renderDraft`. Pure.
 */
import { extractFigures, extractProvinceFigures } from '#lib/extract/extractor.ts';
import { roundVerdict } from '#lib/extract/round.ts';
import type { DraftPage, ParseOptions } from './draft.ts';
import { parsePage } from './page-text.ts';
import { renderIssueMdx, type FigureReader, type RenderOptions, type RenderedIssue } from './to-mdx.ts';

export interface ImportOptions extends ParseOptions {
  /** Issue year and number when the text's masthead does not state them. */
  year?: number;
  number?: number;
  /** The page (版) the text is from. Default D1. */
  page?: string;
}

export interface ImportedPage {
  page: DraftPage;
  rendered: RenderedIssue;
}

const NOTHING = () => ({ figures: {}, review: [] });

/**
 * A draft's MDX and figures. `source` is the page's whole text, where the round verdict is
 * read: a text that reports no Shanxi "三个一批" round states no round figures.
 */
export function renderDraft(
  page: DraftPage,
  source: string,
  options: ImportOptions,
  pages?: RenderOptions['pages'],
): RenderedIssue {
  if (options.year !== undefined && options.number !== undefined) {
    page.review = page.review.filter((r) => !r.startsWith('no masthead line'));
  }
  // A text that reports no Shanxi "三个一批" round states no round figures, however batch-like.
  const verdict = roundVerdict(source);
  let figures: FigureReader = { report: extractFigures, province: extractProvinceFigures };
  if (!verdict.round) {
    page.review.push(
      `no figures taken: ${verdict.why}${verdict.quote ? ` (「${verdict.quote.slice(0, 60)}${verdict.quote.length > 60 ? '…' : ''}」)` : ''}`,
    );
    figures = { report: NOTHING, province: NOTHING };
  }
  return renderIssueMdx(page, {
    year: options.year ?? page.year ?? 0,
    number: options.number ?? page.number ?? 0,
    page: options.page ?? 'D1',
    figures,
    ...(pages ? { pages } : {}),
  });
}

/** Import one page's text. Year and number default to the masthead's, else to 0 (the caller decides). */
export function importPage(raw: string, options: ImportOptions = {}): ImportedPage {
  const page = parsePage(raw, options);
  return { page, rendered: renderDraft(page, raw, options) };
}
