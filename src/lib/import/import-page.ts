/**
 * The importer in one call: page text → draft structure → MDX and figures, read by the figure
 * extractor. Shared by `npm run import`, `npm run import:score` and the tests. Pure.
 */
import { extractFigures, extractProvinceFigures } from '#lib/extract/extractor.ts';
import { parsePage, type DraftPage, type ParseOptions } from './page-text.ts';
import { renderIssueMdx, type RenderedIssue } from './to-mdx.ts';

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

/** Import one page's text. Year and number default to the masthead's, else to 0 (the caller decides). */
export function importPage(raw: string, options: ImportOptions = {}): ImportedPage {
  const page = parsePage(raw, options);
  if (options.year !== undefined && options.number !== undefined) {
    page.review = page.review.filter((r) => !r.startsWith('no masthead line'));
  }
  const rendered = renderIssueMdx(page, {
    year: options.year ?? page.year ?? 0,
    number: options.number ?? page.number ?? 0,
    page: options.page ?? 'D1',
    figures: { report: extractFigures, province: extractProvinceFigures },
  });
  return { page, rendered };
}
