/**
 * Each article's and city report's regions on a page scan, from the boxes of its blocks: boxes
 * in one column, close above one another, become one rectangle; a headline spanning columns
 * stays a rectangle of its own. Written as the front-matter writes them, fractions of the page.
 */
import type { Region } from '#schemas/page.ts';
import { xOverlap } from './geometry.ts';
import { bottom, right, union, type PlacedRect, type Rect } from '../rect.ts';

const within = (inner: Rect, outer: Rect) => inner.x >= outer.x - 2 && right(inner) <= right(outer) + 2;

/**
 * Whether two boxes are one column's: close above one another (a gap under two lines), and of
 * one width, or the narrower (a byline, a short last line) standing inside a column-wide one.
 */
function oneColumn(a: Rect, b: Rect, column: number, bodySize: number): boolean {
  const gap = Math.max(a.y - bottom(b), b.y - bottom(a));
  if (gap > bodySize * 2.2) return false;
  const narrow = Math.min(a.w, b.w);
  const wide = Math.max(a.w, b.w);
  if (xOverlap(a, b) >= narrow * 0.8 && wide <= narrow * 1.3) return true;
  return wide <= column * 1.3 && (a.w <= b.w ? within(a, b) : within(b, a));
}

/** One rectangle per column a piece runs in on the page (more where a box parts a column). */
export function columnRects(rects: Rect[], column: number, bodySize: number): Rect[] {
  let groups = rects.map((r) => ({ ...r }));
  let merged = true;
  while (merged) {
    merged = false;
    for (let i = 0; i < groups.length && !merged; i++) {
      for (let j = i + 1; j < groups.length && !merged; j++) {
        if (oneColumn(groups[i] as Rect, groups[j] as Rect, column, bodySize)) {
          groups[i] = union(groups[i] as Rect, groups[j] as Rect);
          groups.splice(j, 1);
          merged = true;
        }
      }
    }
  }
  groups = groups.filter((g) => g.w > 0 && g.h > 0);
  return groups.sort((a, b) => a.x - b.x || a.y - b.y);
}

const fraction = (v: number) => Math.min(1, Math.max(0, Math.round(v * 10000) / 10000));

/** The regions of the pieces printed on page `id`, in the pieces' order. */
export function pageRegions(
  pieces: { of: string; rects: PlacedRect[] }[],
  page: { id: string; width: number; height: number; column: number; bodySize: number },
): Region[] {
  return pieces.flatMap(({ of, rects }) =>
    columnRects(
      rects.filter((r) => r.page === page.id),
      page.column,
      page.bodySize,
    ).map((r) => {
      // A pad of a quarter line round the text, as a reader would draw it.
      const pad = page.bodySize * 0.25;
      const x = fraction((r.x - pad) / page.width);
      const y = fraction((r.y - pad) / page.height);
      return {
        of,
        x,
        y,
        w: fraction(Math.min((r.w + 2 * pad) / page.width, 1 - x)),
        h: fraction(Math.min((r.h + 2 * pad) / page.height, 1 - y)),
      };
    }),
  );
}
