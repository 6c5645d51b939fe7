/**
 * The PDF importer in one call: a page's PDF → glyph lines (read-pdf) → blocks in reading order
 * (layout) → blocks with roles (roles) → the structure step the text importer shares
 * (build-page) → the draft's MDX and figures, with the printed page: the scan of each page,
 * its photos cut out, and each article's and city report's regions on it.
 */
import { issueKey } from '#schemas/issue.ts';
import { buildPage } from '../build-page.ts';
import type { DraftPage } from '../draft.ts';
import { renderDraft } from '../import-page.ts';
import type { RoleBlock } from '../role-blocks.ts';
import { PdfImportError } from './errors.ts';
import { bodySizeOf, layoutPage } from './layout.ts';
import { loadPage, openPdf, readPage, renderPage } from './read-pdf.ts';
import { pageRegions } from './regions.ts';
import { assignRoles } from './roles.ts';
import { cutPhoto, encodeScan, inkOf, scanWidth, type Drawing } from './scan.ts';
import type { GlyphLine, ImportedPdf, PdfImportOptions } from './types.ts';

export { PdfImportError } from './errors.ts';

/** A line counts as bold when its glyphs leave this much more ink than the page's body lines'. */
const BOLD_INK = 1.4;

/** Ink per glyph, in em squares: punctuation (little ink, wide boxes) is not counted as a glyph. */
function inkPerGlyph(line: GlyphLine, drawing: Drawing): number | undefined {
  const glyphs = (line.text.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length;
  if (glyphs === 0) return undefined;
  return (inkOf(drawing, line.rect) * line.rect.w * line.rect.h) / (glyphs * line.size * line.size);
}

/**
 * Weight from ink, where the font did not say: a line of body size or larger is bold when its
 * glyphs leave well more ink than the median of the page's body lines.
 */
function weighByInk(lines: GlyphLine[], drawing: Drawing): void {
  const body = bodySizeOf(lines);
  const ink = lines.map((l) => (l.bold || l.size < body * 0.95 ? undefined : inkPerGlyph(l, drawing)));
  const bodyInk = lines
    .flatMap((l, k) => (Math.abs(l.size - body) < body * 0.08 && [...l.text].length >= 8 ? [ink[k]] : []))
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
  const usual = bodyInk[Math.floor(bodyInk.length / 2)];
  if (!usual) return;
  lines.forEach((l, k) => {
    const v = ink[k];
    if (v !== undefined && v >= usual * BOLD_INK) l.bold = true;
  });
}

interface ReadPage {
  id: string;
  width: number;
  height: number;
  bodySize: number;
  column: number;
  blocks: RoleBlock[];
  drawing: Drawing;
}

function readOnePage(doc: ReturnType<typeof openPdf>, index: number, id: string): ReadPage {
  const page = loadPage(doc, index);
  const content = readPage(page);
  if (content.lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0) < 20) {
    throw new PdfImportError(
      `page ${index + 1} of the PDF has no text layer, only an image (a scan): reading scans is not supported yet; import the typesetting system's PDF of the page, or its text`,
      'no-text',
    );
  }
  const width = scanWidth(content.width, content.height);
  const drawn = renderPage(page, width);
  const drawing: Drawing = { ...drawn, scale: drawn.width / content.width };
  weighByInk(content.lines, drawing);
  const layout = layoutPage(content);
  const blocks = assignRoles(layout).map((b) => ({ ...b, page: id }));
  return {
    id,
    width: content.width,
    height: content.height,
    bodySize: layout.bodySize,
    column: layout.column,
    blocks,
    drawing,
  };
}

/** The pieces the 版面 view links to: articles by id, city reports by their city's slug. */
function placedPieces(page: DraftPage) {
  return page.pieces.flatMap((p) => {
    if (p.type === 'article') return [{ of: p.article.id, rects: p.article.rects ?? [] }];
    if (p.type === 'report' && p.report.city) return [{ of: p.report.city.slug, rects: p.report.rects ?? [] }];
    return [];
  });
}

export async function importPdf(pdf: Uint8Array, options: PdfImportOptions = {}): Promise<ImportedPdf> {
  const doc = openPdf(pdf);
  const count = doc.countPages();
  const ids = options.pages ?? [options.page ?? 'D1'];
  if (ids.length !== count) {
    throw new PdfImportError(
      `the PDF has ${count} page${count === 1 ? '' : 's'} but ${ids.length} ${ids.length === 1 ? 'page (版) is' : 'pages (版) are'} named: give --pages with one 版 per PDF page, e.g. --pages ${Array.from({ length: count }, (_, k) => `D${k + 1}`).join(',')}`,
      'pages',
    );
  }

  // Each page: text with positions, its drawing (scan and ink), layout, roles.
  const pages: ReadPage[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    pages.push(readOnePage(doc, index, ids[index] as string));
    options.onPage?.({ id: ids[index] as string, index, of: count, ms: performance.now() - started });
  }

  // The structure step the text importer shares, over all pages' blocks in order.
  const blocks = pages.flatMap((p) => p.blocks);
  const source = blocks.map((b) => b.text).join('\n');
  const draft = buildPage(blocks, { ...(options.city ? { city: options.city } : {}), source, joins: 'given' });
  const year = options.year ?? draft.year;
  const number = options.number ?? draft.number;
  if (year === undefined || number === undefined) {
    throw new PdfImportError('the page prints no issue line `YYYY年第N期`: give --year and --number', 'pages');
  }
  const folder = issueKey({ year, number });

  // The printed page: scans, photos cut out, regions.
  const files: ImportedPdf['files'] = [];
  let photoCount = 0;
  for (const piece of draft.pieces) {
    if (piece.type !== 'article') continue;
    for (const block of piece.article.blocks) {
      if (block.kind !== 'photo' || !block.rect) continue;
      const on = pages.find((p) => p.id === block.rect?.page);
      if (!on) continue;
      const path = `./${folder}/${on.id.toLowerCase()}-photo-${++photoCount}.webp`;
      files.push({ path, bytes: await cutPhoto(on.drawing, block.rect) });
      block.src = path;
    }
  }
  const placed = placedPieces(draft);
  const frontPages = [];
  for (const p of pages) {
    const scan = `./${folder}/${p.id}.webp`;
    files.push({ path: scan, bytes: await encodeScan(p.drawing) });
    const regions = pageRegions(placed, p);
    frontPages.push({ id: p.id, scan, regions });
  }
  const rendered = renderDraft(draft, source, { ...options, year, number, page: ids[0] as string }, frontPages);
  return { page: draft, rendered, files };
}
