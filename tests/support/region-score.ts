/**
 * How well an importer's regions (`pages[].regions` of the draft) mark where each piece is
 * printed, scored against the layout's truth (tests/support/pdf-layouts.ts). All rectangles are
 * fractions of the page, so areas are shares of the page's area.
 *
 * For each piece (an article by its id, a city report by its city slug):
 * - **coverage** = area(union of the piece's text lines ∩ union of its regions) / area(union of
 *   its text lines): the share of its printed text a reader clicking its regions lands on. A
 *   piece with no region has coverage 0.
 * - **precision** of one region = area(region ∩ union of the piece's areas) / area(region), where
 *   the piece's areas are, per frame it is printed in (a column, the part of a column above or
 *   below a box, a headline band), the bounding box of its lines there (photo and continuation
 *   note included): the share of the region that lies on the piece, not on a neighbour, a
 *   gutter or white space beyond it. The piece's precision is the least over its regions (1 when
 *   it has none, which coverage already counts against).
 * Regions naming no piece of the truth are listed apart (`stray`).
 *
 * Areas are exact: the union is measured strip by strip between the rectangles' x edges.
 */
import type { Box, PieceTruth } from './pdf-layouts.ts';

export interface Region extends Box {
  of: string;
}

export interface PieceScore {
  of: string;
  regions: number;
  coverage: number;
  /** The least precision over the piece's regions. */
  precision: number;
}

export interface RegionScore {
  pieces: PieceScore[];
  /** Regions whose `of` is no piece of the layout. */
  stray: string[];
}

/** Merged [start, end] intervals, sorted. */
function merge(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function intersectLength(p: [number, number][], q: [number, number][]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < p.length && j < q.length) {
    const [a1, b1] = p[i] as [number, number];
    const [a2, b2] = q[j] as [number, number];
    sum += Math.max(0, Math.min(b1, b2) - Math.max(a1, a2));
    if (b1 < b2) i++;
    else j++;
  }
  return sum;
}

/** Area of (the union of `a`) ∩ (the union of `b`); with `b` left out, of the union of `a`. */
export function unionArea(a: Box[], b?: Box[]): number {
  const xs = [...new Set([...a, ...(b ?? [])].flatMap((r) => [r.x, r.x + r.w]))].sort((p, q) => p - q);
  const column = (rs: Box[], mid: number) =>
    merge(rs.filter((r) => r.x <= mid && mid <= r.x + r.w).map((r): [number, number] => [r.y, r.y + r.h]));
  let area = 0;
  for (let k = 0; k + 1 < xs.length; k++) {
    const x0 = xs[k] as number;
    const x1 = xs[k + 1] as number;
    if (x1 <= x0) continue;
    const mid = (x0 + x1) / 2;
    const inA = column(a, mid);
    const len = b ? intersectLength(inA, column(b, mid)) : inA.reduce((s, [p, q]) => s + q - p, 0);
    area += len * (x1 - x0);
  }
  return area;
}

/** Each piece's coverage and precision (see the module's comment). */
export function scoreRegions(pieces: PieceTruth[], regions: Region[]): RegionScore {
  const known = new Set(pieces.map((p) => p.of));
  return {
    pieces: pieces.map((p) => {
      const mine = regions.filter((r) => r.of === p.of);
      const text = unionArea(p.lines);
      const coverage = mine.length === 0 || text === 0 ? 0 : unionArea(p.lines, mine) / text;
      const precision = Math.min(1, ...mine.map((r) => (r.w * r.h > 0 ? unionArea([r], p.areas) / (r.w * r.h) : 0)));
      return { of: p.of, regions: mine.length, coverage, precision };
    }),
    stray: [...new Set(regions.filter((r) => !known.has(r.of)).map((r) => r.of))],
  };
}
