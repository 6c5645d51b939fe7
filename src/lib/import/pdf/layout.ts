/**
 * A page's glyph lines → blocks in reading order. Lines that run on under one another in one
 * style form a column segment; a segment of body text is cut into paragraphs where a line is
 * indented, where the line before it stops short, or where the gap grows; segments, photos and
 * their captions are put in a newspaper's reading order (a headline spanning columns before the
 * columns under it, a column top to foot before the next column, a box set into columns after
 * the text above it); a paragraph that runs on into the next column (or round a box) is joined
 * with its rest. Pure: boxes in, blocks out.
 */
import type { GlyphLine, PdfPageContent, Rect } from './types.ts';

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

interface Segment {
  lines: GlyphLine[];
  box: Rect;
  size: number;
  bold: boolean;
}

const right = (r: Rect) => r.x + r.w;
const bottom = (r: Rect) => r.y + r.h;
const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(right(a), right(b)) - x, h: Math.max(bottom(a), bottom(b)) - y };
};
const xOverlap = (a: Rect, b: Rect) => Math.min(right(a), right(b)) - Math.max(a.x, b.x);

/** The size most of the page's glyphs are set in: the body text's. */
export function bodySizeOf(lines: GlyphLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + [...l.text].length);
  let best = 10;
  let n = -1;
  for (const [s, c] of weight) if (c > n) [best, n] = [s, c];
  return best;
}

const sameStyle = (a: { size: number; bold: boolean }, b: { size: number; bold: boolean }) =>
  Math.abs(a.size - b.size) <= Math.max(a.size, b.size) * 0.08 && a.bold === b.bold;

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

/** Whether a segment is set as a heading: larger than the body or bold. */
export const isHeadingStyle = (s: { size: number; bold: boolean }, bodySize: number) =>
  s.size >= bodySize * 1.12 || s.bold;

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

/**
 * Reading order of boxes on a newspaper page (T. Breuel's rule for column layouts): a comes
 * before b when they share some width and a is above b, or when a lies wholly left of b and no
 * third box between them in height spans across both. Then a topological sort, the top-left
 * box first among those free to go.
 */
export function readingOrder(boxes: Rect[], rules: Rect[] = []): number[] {
  const n = boxes.length;
  const before: boolean[][] = boxes.map(() => new Array<boolean>(n).fill(false));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = boxes[i] as Rect;
      const b = boxes[j] as Rect;
      if (xOverlap(a, b) > 0.5) {
        (before[i] as boolean[])[j] = a.y + a.h / 2 < b.y + b.h / 2;
        continue;
      }
      if (right(a) > b.x + 0.5) continue;
      const blocked = [...boxes, ...rules].some((c, k) => {
        if (k === i || k === j) return false;
        const spans = c.x < right(a) - 0.5 && right(c) > b.x + 0.5;
        const between =
          (c.y >= bottom(a) - 1 && bottom(c) <= b.y + 1) || (c.y >= bottom(b) - 1 && bottom(c) <= a.y + 1);
        return spans && between;
      });
      if (!blocked) (before[i] as boolean[])[j] = true;
    }
  }
  const indegree = boxes.map((_, j) => before.filter((row) => row[j]).length);
  const done = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  while (order.length < n) {
    let pick = -1;
    for (let j = 0; j < n; j++) {
      if (done[j] || (indegree[j] ?? 0) > 0) continue;
      const b = boxes[j] as Rect;
      const p = boxes[pick] as Rect | undefined;
      if (!p || b.y < p.y - 1 || (Math.abs(b.y - p.y) <= 1 && b.x < p.x)) pick = j;
    }
    // A cycle (boxes overlapping oddly): take the top-left box left.
    if (pick < 0) {
      for (let j = 0; j < n; j++) {
        if (done[j]) continue;
        const b = boxes[j] as Rect;
        const p = boxes[pick] as Rect | undefined;
        if (!p || b.y < p.y || (b.y === p.y && b.x < p.x)) pick = j;
      }
    }
    done[pick] = true;
    order.push(pick);
    for (let j = 0; j < n; j++) if ((before[pick] as boolean[])[j]) indegree[j] = (indegree[j] ?? 0) - 1;
  }
  return order;
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

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  right(inner) <= right(outer) + 1 &&
  bottom(inner) <= bottom(outer) + 1;

/** What is ordered as one: a stack of headline lines, a photo with its caption, a framed box. */
interface Unit {
  box: Rect;
  parts: ({ kind: 'segment'; segment: Segment; framed?: boolean } | { kind: 'image'; rect: Rect })[];
}

/**
 * Units of reading order: heading segments stacked close under one another (引题, 主题, 副题)
 * are read together, so a 副题 narrower than the columns under it is not read after them; a
 * photo takes the small-type lines right under it (caption, credit).
 */
function unitsOf(segments: Segment[], images: Rect[], bodySize: number): Unit[] {
  const units: Unit[] = images.map((rect) => ({ box: { ...rect }, parts: [{ kind: 'image', rect }] }));
  const sorted = [...segments].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  for (const seg of sorted) {
    const home = units.find((u) => {
      const last = u.parts.at(-1);
      if (!last) return false;
      const lastBox = last.kind === 'image' ? last.rect : last.segment.box;
      const gap = seg.box.y - bottom(lastBox);
      if (gap < -1 || xOverlap(lastBox, seg.box) <= 0) return false;
      if (last.kind === 'image' || (u.parts[0]?.kind === 'image' && !isHeadingStyle(seg, bodySize))) {
        return seg.size < bodySize * 0.97 && gap < bodySize * 1.5;
      }
      // Headline lines of one stack are set flush with one another or centred over one another;
      // a heading at the top of a column under a centred 副题 is the column's, not the stack's.
      const lb = last.segment.box;
      const size = Math.min(last.segment.size, seg.size);
      const aligned =
        Math.abs(lb.x - seg.box.x) <= size || Math.abs(lb.x + lb.w / 2 - (seg.box.x + seg.box.w / 2)) <= size * 1.5;
      return (
        isHeadingStyle(last.segment, bodySize) &&
        isHeadingStyle(seg, bodySize) &&
        !sameStyle(last.segment, seg) &&
        aligned &&
        gap < size * 1.2
      );
    });
    if (home) {
      home.parts.push({ kind: 'segment', segment: seg });
      home.box = union(home.box, seg.box);
    } else units.push({ box: { ...seg.box }, parts: [{ kind: 'segment', segment: seg }] });
  }
  return units;
}

/** A headline or photo wider than one and a half columns: it opens a band of the page. */
function opensBand(u: Unit, column: number, bodySize: number): boolean {
  const first = u.parts[0];
  return (
    u.box.w >= column * 1.5 &&
    (first?.kind === 'image' || (first?.kind === 'segment' && isHeadingStyle(first.segment, bodySize)))
  );
}

/**
 * Bands of the page, read one after the other: the page is cut across where nothing crosses,
 * there is a gap, and under it starts a headline or photo wider than one and a half columns (a
 * new story across the page), or a rule runs across most of the page there. Paragraph gaps
 * that happen to line up across columns cut nothing: under them starts body text.
 */
function bandsOf(units: Unit[], rules: Rect[], column: number, bodySize: number, pageWidth: number): Unit[][] {
  const sorted = [...units].sort((a, b) => a.box.y - b.box.y);
  const bands: Unit[][] = [];
  let current: Unit[] = [];
  let reach = -Infinity;
  for (const u of sorted) {
    const gap = u.box.y - reach;
    const wideStart = opensBand(u, column, bodySize);
    const ruled = rules.some((r) => r.w >= pageWidth * 0.6 && r.y >= reach - 1 && bottom(r) <= u.box.y + 1);
    if (current.length > 0 && gap > bodySize * 0.4 && (wideStart || ruled)) {
      bands.push(current);
      current = [];
    }
    current.push(u);
    reach = Math.max(reach, bottom(u.box));
  }
  if (current.length > 0) bands.push(current);
  return bands;
}

/** A body column's left and right edge on the page. */
type Slot = [number, number];

/** The columns' edges: those of the column-wide body segments, one slot per left edge. */
function slotsOf(segments: Segment[], column: number, bodySize: number): Slot[] {
  const slots: Slot[] = [];
  for (const g of segments) {
    if (isHeadingStyle(g, bodySize) || g.box.w < column * 0.85 || g.box.w > column * 1.15) continue;
    if (!slots.some(([x]) => Math.abs(x - g.box.x) < bodySize)) slots.push([g.box.x, right(g.box)]);
  }
  return slots;
}

/**
 * A box narrower than a column, for reading order, as wide as the column it stands in: a byline
 * set flush right is then over the next heading set flush left in that column, not beside it.
 */
function inSlot(box: Rect, slots: Slot[]): Rect {
  const slot = slots.find(([x0, x1]) => box.x >= x0 - 1 && right(box) <= x1 + 1);
  return slot && box.w < slot[1] - slot[0] ? { ...box, x: slot[0], w: slot[1] - slot[0] } : box;
}

/**
 * Units ordered. A framed box is read apart from the columns it is set into, which run on
 * round it top to foot as if it were not there; the box is read where a reader of those
 * columns meets it: before the first text under it, else after the last text over it.
 */
function orderUnits(
  units: Unit[],
  frames: Rect[],
  rules: Rect[],
  column: number,
  bodySize: number,
  pageWidth: number,
  slots: Slot[] = [],
): Unit[] {
  const holding = frames.filter((f) => units.some((u) => inside(u.box, f)));
  const outer = holding.filter((f) => !holding.some((g) => g !== f && inside(f, g) && !inside(g, f)));
  const inAny = (u: Unit) => outer.some((f) => inside(u.box, f));
  const free = units.filter((u) => !inAny(u));
  const order = bandsOf(free, rules, column, bodySize, pageWidth).flatMap((band) => {
    // The headline a band opens with is read before anything under it, whatever its width.
    const [head, ...rest] = band;
    const first = head && opensBand(head, column, bodySize) ? [head] : [];
    const others = first.length > 0 ? rest : band;
    return [
      ...first,
      ...readingOrder(
        others.map((u) => inSlot(u.box, slots)),
        rules,
      ).map((k) => others[k] as Unit),
    ];
  });
  for (const frame of outer) {
    const inner = orderUnits(
      units.filter((u) => inside(u.box, frame)),
      frames.filter((g) => g !== frame && inside(g, frame)),
      rules.filter((r) => inside(r, frame)),
      column,
      bodySize,
      pageWidth,
      slots,
    );
    const parts = inner.flatMap((u) => u.parts).map((p) => (p.kind === 'segment' ? { ...p, framed: true } : p));
    const boxUnit: Unit = { box: frame, parts };
    const under = order.findIndex((u) => u.box.y >= bottom(frame) - 1 && xOverlap(u.box, frame) > 0);
    if (under >= 0) order.splice(under, 0, boxUnit);
    else {
      const over = order.findLastIndex((u) => bottom(u.box) <= frame.y + 1 && xOverlap(u.box, frame) > 0);
      order.splice(over + 1, 0, boxUnit);
    }
  }
  return order;
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
