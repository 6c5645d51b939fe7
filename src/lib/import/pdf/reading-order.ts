/**
 * A newspaper page's reading order: column segments and photos grouped into units (a stack of
 * headline lines, a photo with its caption), the page cut into bands where a headline or photo
 * spans the columns, each band read by Breuel's rule with narrow lines as wide as their column,
 * and a framed box read where a reader of its columns meets it. Pure.
 */
import { inside, isHeadingStyle, sameStyle, xOverlap, type Segment } from './geometry.ts';
import { bottom, right, union, type Rect } from '../rect.ts';

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

/** What is ordered as one: a stack of headline lines, a photo with its caption, a framed box. */
export interface Unit {
  box: Rect;
  parts: ({ kind: 'segment'; segment: Segment; framed?: boolean } | { kind: 'image'; rect: Rect })[];
}

/**
 * Units of reading order: heading segments stacked close under one another (引题, 主题, 副题)
 * are read together, so a 副题 narrower than the columns under it is not read after them; a
 * photo takes the small-type lines right under it (caption, credit).
 */
export function unitsOf(segments: Segment[], images: Rect[], bodySize: number): Unit[] {
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
export function slotsOf(segments: Segment[], column: number, bodySize: number): Slot[] {
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
export function orderUnits(
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
