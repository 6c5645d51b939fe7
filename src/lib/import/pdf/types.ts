/**
 * The shapes the PDF importer hands out (src/lib/import/pdf/import-pdf.ts) and the shapes its
 * steps pass between them: glyph lines read from the PDF, blocks in reading order, blocks with
 * their roles on the page.
 */
import type { DraftPage } from '../draft.ts';
import type { ImportOptions } from '../import-page.ts';
import type { RenderedIssue } from '../to-mdx.ts';
import type { Rect } from '../rect.ts';

export interface ImportedPdf {
  /** The same DraftPage the text importer gives (draft.ts); for several pages, the first page's facts and all pages' pieces. */
  page: DraftPage;
  /** As importPage gives: the MDX, the figures, the review notes. */
  rendered: RenderedIssue;
  /** Files to write beside the issue file, paths relative to the issue file: './2024-18/D1.webp', photos. */
  files: { path: string; bytes: Uint8Array }[];
}

export interface PdfImportOptions extends ImportOptions {
  /** The 版 of each PDF page, in order (`--pages D1,D2`); default: `page` (D1) for a one-page PDF. */
  pages?: string[];
  /** Called as each page is done, for a progress line. */
  onPage?: (done: { id: string; index: number; of: number; ms: number }) => void;
}

/** One line of glyphs as printed: its text, its box, its type size and whether it is set bold. */
export interface GlyphLine {
  text: string;
  rect: Rect;
  /** Type size in points (the most common size of its glyphs). */
  size: number;
  /** Set in a bold face: by the font's name or flags, or by the ink of its glyphs on the rendered page. */
  bold: boolean;
  /** Name of the font of most of its glyphs. */
  font: string;
}

/** What the PDF holds of one page: glyph lines, images, and the page's size in points. */
export interface PdfPageContent {
  width: number;
  height: number;
  lines: GlyphLine[];
  /** Placed images (photos), in points. */
  images: Rect[];
  /** Drawn shapes' boxes: rules between stories, frames of boxes, tinted panels. */
  vectors: { rect: Rect; stroked: boolean; rectangle: boolean }[];
}
