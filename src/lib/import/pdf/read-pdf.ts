/**
 * Reads a PDF with MuPDF.js (WebAssembly, no external program): opens it, refuses what cannot be
 * imported, and gives each page's glyph lines (text, box, size, font) and placed images. The
 * only module of the PDF importer that knows MuPDF.
 */
import * as mupdf from 'mupdf';
import { PdfImportError } from './errors.ts';
import type { GlyphLine, PdfPageContent } from './types.ts';
import type { Rect } from '../rect.ts';

export type PdfDocument = mupdf.Document;
/**
 * A page interpreted once into MuPDF's display list: its text and its drawing are both read
 * from the list, so the page's content (fonts, Type3 glyph procedures) is run only once.
 */
export interface PdfPage {
  bounds: [number, number, number, number];
  list: mupdf.DisplayList;
}

/** Opens the PDF or says why not: broken, encrypted, or without pages. */
export function openPdf(bytes: Uint8Array): PdfDocument {
  // MuPDF repairs a file cut short and reads what is left: the page would come out partly
  // blank. A PDF ends with `%%EOF`; a download or copy stopped early does not.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (
    bytes.length > 0 &&
    new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-' &&
    !tail.includes('%%EOF')
  ) {
    throw new PdfImportError(
      'the PDF is truncated, cut short (it does not end with %%EOF, as a whole PDF does): a download or copy stopped early; get the file again',
      'broken',
    );
  }
  let doc: mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch (error) {
    throw new PdfImportError(`the file is not a readable PDF (${messageOf(error)})`, 'broken', { cause: error });
  }
  if (doc.needsPassword()) {
    throw new PdfImportError('the PDF is encrypted with a password: export it again without one', 'encrypted');
  }
  let pages = 0;
  try {
    pages = doc.countPages();
  } catch (error) {
    throw new PdfImportError(`the PDF is damaged: its pages cannot be read (${messageOf(error)})`, 'broken', {
      cause: error,
    });
  }
  if (pages === 0) throw new PdfImportError('the PDF has no pages', 'broken');
  return doc;
}

export function loadPage(doc: PdfDocument, index: number): PdfPage {
  try {
    const page = doc.loadPage(index);
    return { bounds: page.getBounds() as PdfPage['bounds'], list: page.toDisplayList() };
  } catch (error) {
    throw new PdfImportError(`page ${index + 1} of the PDF is damaged (${messageOf(error)})`, 'broken', {
      cause: error,
    });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A font name that says bold: Bold, Heavy, Black, Semibold, or the Chinese typesetters' 黑/粗/小标宋 names. */
const BOLD_NAME = /bold|heavy|black|semibold|demi|hei|xbs|xiaobiaosong|cuti|黑|粗/i;

interface LineAcc {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  sizes: Map<number, number>;
  fonts: Map<string, number>;
  bold: number;
  glyphs: number;
}

/**
 * The page's glyph lines and images. Spaces are the PDF's own: MuPDF's spaces guessed from gaps
 * would split Chinese text where justification widened a gap (`54 个`). Lines are MuPDF's, then lines on one baseline that MuPDF
 * split (a change of font, a wide gap inside a masthead line) are put back together, so a line
 * is what a reader sees as one line. `bold` here comes from fonts only; import-pdf adds the ink.
 */
export function readPage(page: PdfPage): PdfPageContent {
  const [px0, py0, px1, py1] = page.bounds;
  let stext: mupdf.StructuredText;
  try {
    stext = page.list.toStructuredText('preserve-whitespace,inhibit-spaces,preserve-images,vectors');
  } catch (error) {
    throw new PdfImportError(`a page's text cannot be read (${messageOf(error)})`, 'broken', { cause: error });
  }
  const raw: LineAcc[] = [];
  const images: Rect[] = [];
  const vectors: PdfPageContent['vectors'] = [];
  let line: LineAcc | undefined;
  let lastX: number | undefined;
  const fresh = (): LineAcc => ({
    text: '',
    x0: Infinity,
    y0: Infinity,
    x1: -Infinity,
    y1: -Infinity,
    sizes: new Map(),
    fonts: new Map(),
    bold: 0,
    glyphs: 0,
  });
  stext.walk({
    onImageBlock(bbox) {
      const [x0, y0, x1, y1] = bbox;
      images.push({ x: x0 - px0, y: y0 - py0, w: x1 - x0, h: y1 - y0 });
    },
    onVector(bbox, flags) {
      const [x0, y0, x1, y1] = bbox;
      const f = flags as { isStroked?: boolean; isRectangle?: boolean };
      vectors.push({
        rect: { x: x0 - px0, y: y0 - py0, w: x1 - x0, h: y1 - y0 },
        stroked: Boolean(f.isStroked),
        rectangle: Boolean(f.isRectangle),
      });
    },
    beginLine() {
      line = fresh();
      lastX = undefined;
    },
    onChar(c, _origin, font, size, quad) {
      if (!line) return;
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      // MuPDF may run two columns' lines on one baseline into one line: a glyph a column gutter
      // (over 0.8 em) right of the last, or back to its left, starts a line of its own.
      const left = Math.min(...xs);
      if (lastX !== undefined && c.trim() !== '' && (left - lastX > size * 0.8 || left < lastX - size * 1.5)) {
        if (line.glyphs > 0) raw.push(line);
        line = fresh();
      }
      line.text += c;
      if (c.trim() === '') return;
      lastX = Math.max(...xs);
      line.x0 = Math.min(line.x0, ...xs);
      line.x1 = Math.max(line.x1, ...xs);
      line.y0 = Math.min(line.y0, ...ys);
      line.y1 = Math.max(line.y1, ...ys);
      const s = Math.round(size * 10) / 10;
      line.sizes.set(s, (line.sizes.get(s) ?? 0) + 1);
      const name = font.getName();
      line.fonts.set(name, (line.fonts.get(name) ?? 0) + 1);
      if (font.isBold() || BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, ''))) line.bold++;
      line.glyphs++;
    },
    endLine() {
      if (line && line.glyphs > 0) raw.push(line);
      line = undefined;
    },
  });
  const lines = joinJustified(mergeBaselines(raw)).map((l): GlyphLine => ({
    text: l.text.replace(/\s+/gu, ' ').trim(),
    rect: { x: l.x0 - px0, y: l.y0 - py0, w: l.x1 - l.x0, h: l.y1 - l.y0 },
    size: mostOf(l.sizes),
    bold: l.bold * 2 > l.glyphs,
    font: mostOf(l.fonts),
  }));
  return { width: px1 - px0, height: py1 - py0, lines, images, vectors };
}

function mostOf<T>(counts: Map<T, number>): T {
  let best: T | undefined;
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best as T;
}

/** `l` joined onto `into`, which now reads `text`: its box, sizes, fonts and glyphs added. */
function absorb(into: LineAcc, l: LineAcc, text: string): void {
  into.text = text;
  into.x1 = Math.max(into.x1, l.x1);
  into.y0 = Math.min(into.y0, l.y0);
  into.y1 = Math.max(into.y1, l.y1);
  for (const [k, c] of l.sizes) into.sizes.set(k, (into.sizes.get(k) ?? 0) + c);
  for (const [k, c] of l.fonts) into.fonts.set(k, (into.fonts.get(k) ?? 0) + c);
  into.bold += l.bold;
  into.glyphs += l.glyphs;
}

/** Lines on one baseline, of one size, touching (under a quarter em apart: a column gutter, even beside a full-width ” or ，, is wider), become one line. */
function mergeBaselines(lines: LineAcc[]): LineAcc[] {
  const sorted = [...lines].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const out: LineAcc[] = [];
  for (const l of sorted) {
    const size = mostOf(l.sizes);
    const prev = out.findLast(
      (o) =>
        Math.abs(o.y1 - l.y1) < size * 0.3 &&
        Math.abs(mostOf(o.sizes) - size) < size * 0.15 &&
        l.x0 >= o.x1 - size * 0.2 &&
        l.x0 - o.x1 < size * 0.25,
    );
    if (!prev) {
      out.push(l);
      continue;
    }
    const gap = l.x0 - prev.x1;
    // A gap between Latin words is a space; one in Chinese text is justification, not a space.
    const left = prev.text.trimEnd();
    const rightText = l.text.trimStart();
    const latin = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(rightText);
    absorb(prev, l, left + (gap > size * 0.4 && latin ? ' ' : '') + rightText);
  }
  return out;
}

/**
 * A justified line whose last word does not fit (`活动中，` before `200MW/800MWh…`) is spread
 * across its column, a few ems between glyphs: wider than a gutter, so mergeBaselines keeps the
 * pieces apart. Pieces on one baseline become one line where a line of the same size close above
 * or below (a full line of the same column) spans them both; two columns' lines never do.
 */
function joinJustified(lines: LineAcc[]): LineAcc[] {
  const out: LineAcc[] = [];
  const sameSize = (a: LineAcc, b: LineAcc) => Math.abs(mostOf(a.sizes) - mostOf(b.sizes)) < mostOf(a.sizes) * 0.15;
  // A spread line's pieces are single glyphs (CJK justification widens every gap alike); a
  // heading or a column's line beside another column's holds more.
  const SPREAD = 2;
  const lastPiece = new Map<LineAcc, number>();
  for (const l of lines) {
    const size = mostOf(l.sizes);
    // The nearest line to its left on its baseline (other columns' lines share the baseline).
    let prev: LineAcc | undefined;
    for (const o of out)
      if (Math.abs(o.y1 - l.y1) < size * 0.3 && sameSize(o, l) && o.x1 < l.x0 && (!prev || o.x1 > prev.x1)) prev = o;
    const spans =
      prev !== undefined &&
      l.glyphs <= SPREAD &&
      (lastPiece.get(prev) ?? prev.glyphs) <= SPREAD &&
      lines.some(
        (m) =>
          m !== prev &&
          m !== l &&
          m.glyphs >= 6 &&
          sameSize(m, l) &&
          Math.abs(m.y1 - l.y1) > size * 0.5 &&
          Math.abs(m.y1 - l.y1) < size * 3.5 &&
          m.x0 <= prev.x0 + size * 0.2 &&
          m.x1 >= l.x1 - size * 0.2,
      );
    if (!prev || !spans) {
      out.push(l);
      continue;
    }
    lastPiece.set(prev, l.glyphs);
    absorb(prev, l, prev.text.trimEnd() + l.text.trimStart());
  }
  return out;
}

/** The page drawn at `width` pixels wide, RGB without alpha. */
export function renderPage(page: PdfPage, width: number): { pixels: Uint8ClampedArray; width: number; height: number } {
  const [x0, y0, x1] = page.bounds;
  const scale = width / (x1 - x0);
  const pix = page.list.toPixmap(
    mupdf.Matrix.concat(mupdf.Matrix.translate(-x0, -y0), mupdf.Matrix.scale(scale, scale)),
    mupdf.ColorSpace.DeviceRGB,
    false,
  );
  return { pixels: pix.getPixels(), width: pix.getWidth(), height: pix.getHeight() };
}
