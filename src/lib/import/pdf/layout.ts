/**
 * A page's glyph lines → blocks in reading order. Lines that run on under one another in one
 * type form a column segment; a segment of body text is cut into paragraphs where a line is
 * indented, where the line before it stops short, or where the gap grows; segments and photos
 * are put in a newspaper's reading order (reading-order.ts); a paragraph that runs on into the
 * next column, or round a box, is joined with its rest. Pure: boxes in, blocks out.
 */
import { inside, isHeadingStyle, sameStyle, xOverlap, type Segment } from './geometry.ts';
import { bottom, right, union, type Rect } from '../rect.ts';

import { orderUnits, slotsOf, unitsOf } from './reading-order.ts';
import type { GlyphLine, PdfPageContent } from './types.ts';

/** A paragraph, heading or caption as laid out: its lines, one rectangle per column it runs in. */
export interface LayoutBlock {
  lines: GlyphLine[];
  text: string;
  rects: Rect[];
  size: number;
  bold: boolean;
  /** Its segment's width: a paragraph carried into another column keeps its first column's. */
  columnWidth: number;
  /** The block starts its segment with no first-line indent: it may carry on a paragraph. */
  opensFlush: boolean;
  /** Its last line reaches the segment's right edge and the segment ends there: it may be cut. */
  endsFull: boolean;
  /** It was joined from parts in several columns because the geometry says it runs on. */
  joined: boolean;
  /** It is printed inside a framed box. */
  framed: boolean;
}

export interface PageLayout {
  width: number;
  height: number;
  /** The type size of the page's body text (the size most of its glyphs have). */
  bodySize: number;
  /** The usual width of a body column, in points. */
  column: number;
  /** Rules drawn across the page or a column (thin lines), in points. */
  rules: Rect[];
  /** Text blocks and photos in reading order. */
  items: ({ kind: 'text'; block: LayoutBlock } | { kind: 'image'; rect: Rect })[];
}

/** The size most of the page's glyphs are set in: the body text's. */
export function bodySizeOf(lines: GlyphLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + [...l.text].length);
  let best = 10;
  let n = -1;
  for (const [s, c] of weight) if (c > n) [best, n] = [s, c];
  return best;
}

/**
 * Lines → column segments: a line joins the segment whose last line is just above it (a gap
 * under one and a half line heights), overlapping it across at least half the narrower width,
 * in the same size and weight, with no photo between.
 */
function segmentsOf(lines: GlyphLine[], images: Rect[]): Segment[] {
  const sorted = [...lines].sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  const segments: Segment[] = [];
  for (const line of sorted) {
    const r = line.rect;
    const home = segments.findLast((s) => {
      const last = s.lines.at(-1) as GlyphLine;
      const gap = r.y - bottom(last.rect);
      return (
        sameStyle(s, line) &&
        gap > -line.size * 0.3 &&
        gap < line.size * 1.1 &&
        xOverlap(s.box, r) >= Math.min(s.box.w, r.w) * 0.5 &&
        !images.some((im) => xOverlap(im, r) > 0 && im.y >= bottom(last.rect) - 1 && bottom(im) <= r.y + 1)
      );
    });
    if (home) {
      home.lines.push(line);
      home.box = union(home.box, r);
    } else segments.push({ lines: [line], box: { ...r }, size: line.size, bold: line.bold });
  }
  return segments;
}

/**
 * A body segment's paragraphs: a new one where a line is indented (its left edge an em in), where
 * the line before stops short of the right edge by more than an em, or where the gap between
 * lines is clearly wider than the segment's usual one. A heading segment stays whole.
 */
function paragraphsOf(seg: Segment, bodySize: number): GlyphLine[][] {
  if (seg.lines.length === 1 || isHeadingStyle(seg, bodySize)) return [seg.lines];
  const left = seg.box.x;
  const edge = right(seg.box);
  const gaps = seg.lines.slice(1).map((l, i) => l.rect.y - bottom((seg.lines[i] as GlyphLine).rect));
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const out: GlyphLine[][] = [[seg.lines[0] as GlyphLine]];
  seg.lines.slice(1).forEach((line, i) => {
    const prev = seg.lines[i] as GlyphLine;
    const indented = line.rect.x > left + seg.size * 0.8;
    const short = right(prev.rect) < edge - seg.size * 1.2;
    const wide = (gaps[i] ?? 0) > usual + seg.size * 0.35;
    if (indented || short || wide) out.push([line]);
    else out.at(-1)?.push(line);
  });
  return out;
}

const textOf = (lines: GlyphLine[]) => joinLines(lines.map((l) => l.text));

/** Lines of one block as one text: Chinese runs on with no space; Latin words keep one. */
export function joinLines(lines: string[]): string {
  return lines.reduce(
    (acc, l) => (acc && /[A-Za-z0-9,.;:]$/.test(acc) && /^[A-Za-z]/.test(l) ? `${acc} ${l}` : acc + l),
    '',
  );
}

function blockOf(lines: GlyphLine[], seg: Segment, first: boolean, last: boolean, column: number): LayoutBlock {
  const rect = lines.map((l) => l.rect).reduce(union);
  const lastLine = lines.at(-1) as GlyphLine;
  return {
    lines,
    text: textOf(lines),
    rects: [rect],
    size: seg.size,
    bold: seg.bold,
    columnWidth: seg.box.w,
    opensFlush: first && (lines[0] as GlyphLine).rect.x <= seg.box.x + seg.size * 0.5,
    // Only a column-wide segment's last line can be cut: a line alone is as wide as its segment.
    endsFull:
      last &&
      seg.box.w >= column * 0.85 &&
      seg.box.w <= column * 1.15 &&
      right(lastLine.rect) >= right(seg.box) - seg.size * 1.2,
    joined: false,
    framed: false,
  };
}

/**
 * A body paragraph cut at a column's foot (or at a box set into its column) carries on in the
 * next body paragraph of the same column width that opens its segment flush left, past a box
 * between them (headlines, a note); a heading of a city report or a byline in between ends it.
 */
const LABEL = /^[^\s：:，。]{2,8}[：:]/u;

function joinRunOns(items: PageLayout['items'], bodySize: number, starts: number[]): PageLayout['items'] {
  const isBody = (b: LayoutBlock) => !isHeadingStyle(b, bodySize) && Math.abs(b.size - bodySize) < bodySize * 0.08;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item?.kind !== 'text' || !isBody(item.block) || !item.block.endsFull) continue;
    const a = item.block;
    // A line set flush right on its own (a byline) reaches the edge and is cut from nothing.
    const lastLine = a.lines.at(-1) as GlyphLine;
    if (lastLine.rect.w < a.columnWidth * 0.7) continue;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j];
      // A photo set between (with its caption) is read past.
      if (next?.kind !== 'text') continue;
      const b = next.block;
      // A labelled heading (`忻州：`) starts another report: nothing carries on past it; nor past
      // a headline outside a box. A box's contents and a caption are read past.
      if (!isBody(b) && LABEL.test(b.text)) break;
      if (!isBody(b) && !b.framed && b.size >= bodySize) {
        // A headline over text set in another measure heads a box (framed or not): read past it.
        // Over text in the columns' measure it starts another story: the search ends.
        const under = items.slice(j + 1).find((it) => it.kind === 'text' && isBody(it.block));
        const boxed =
          under?.kind === 'text' &&
          under.block.lines.length > 1 &&
          Math.abs(under.block.columnWidth - a.columnWidth) > bodySize * 0.6;
        if (!boxed) break;
      }
      if (!isBody(b)) continue;
      // A paragraph's last line alone at the next column's top: as wide as it is, but set at a column's start.
      const first = b.lines[0] as GlyphLine;
      const alone =
        b.lines.length === 1 &&
        first.rect.w <= a.columnWidth + bodySize * 0.6 &&
        starts.some((x) => Math.abs(first.rect.x - x) < bodySize * 0.5);
      if (Math.abs(b.columnWidth - a.columnWidth) > bodySize * 0.6 && !alone) {
        // A body paragraph of another width: a note in a box, read past; a byline ends the search.
        if (b.lines.length > 1) continue;
        break;
      }
      if (b.opensFlush) {
        a.lines.push(...b.lines);
        a.text += b.text;
        a.rects.push(...b.rects);
        a.endsFull = b.endsFull;
        a.joined = true;
        items.splice(j, 1);
        i--;
      }
      break;
    }
  }
  return items;
}

export function layoutPage(content: PdfPageContent): PageLayout {
  const bodySize = bodySizeOf(content.lines);
  const area = content.width * content.height;
  const holdsText = (r: Rect) => content.lines.some((l) => inside(l.rect, r));
  const shapes = content.vectors.filter((v) => v.rect.w * v.rect.h < area * 0.5);
  const rules = shapes
    .filter((v) => (v.rect.h <= 3 && v.rect.w >= bodySize * 3) || (v.rect.w <= 3 && v.rect.h >= bodySize * 3))
    .map((v) => v.rect);
  const big = shapes.filter((v) => v.rectangle && v.rect.w > bodySize * 3 && v.rect.h > bodySize * 3);
  // One frame per box: a box drawn as a fill and a stroke of one rectangle is one box.
  const frames = big
    .filter((v) => holdsText(v.rect))
    .map((v) => v.rect)
    .filter((f, k, all) => !all.slice(0, k).some((g) => inside(f, g) && inside(g, f)));
  // A tinted panel with no text on it is a picture drawn as a shape; it is cut out as a photo.
  const panels = big.filter((v) => !v.stroked && !holdsText(v.rect)).map((v) => v.rect);
  const images = [...content.images, ...panels.filter((p) => !content.images.some((im) => inside(p, im)))];
  const segments = segmentsOf(content.lines, images);
  const items: PageLayout['items'] = [];
  // The usual column width: that of the body segments holding most lines.
  const widths = segments.filter((g) => !isHeadingStyle(g, bodySize) && g.lines.length > 2).map((g) => g.box.w);
  const column = widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)] ?? content.width;
  const units = unitsOf(segments, images, bodySize);
  const slots = slotsOf(segments, column, bodySize);
  for (const unit of orderUnits(units, frames, rules, column, bodySize, content.width, slots)) {
    for (const part of unit.parts) {
      if (part.kind === 'image') {
        items.push({ kind: 'image', rect: part.rect });
        continue;
      }
      const seg = part.segment;
      const paras = paragraphsOf(seg, bodySize);
      paras.forEach((lines, p) =>
        items.push({
          kind: 'text',
          block: { ...blockOf(lines, seg, p === 0, p === paras.length - 1, column), framed: part.framed === true },
        }),
      );
    }
  }
  const starts = segments.filter((g) => !isHeadingStyle(g, bodySize) && g.box.w >= column * 0.85).map((g) => g.box.x);
  return {
    width: content.width,
    height: content.height,
    bodySize,
    column,
    rules,
    items: joinRunOns(items, bodySize, starts),
  };
}
