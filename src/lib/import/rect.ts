/**
 * Where a block stands on a printed page, as the PDF importer reads it and the shared structure
 * step carries it into the draft (for the 版面 regions). A leaf module: the draft's types and the
 * PDF importer's both build on it.
 */

/** A rectangle in PDF points, origin at the page's top left. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle on one of the PDF's pages: the 版 it is on. */
export interface PlacedRect extends Rect {
  page: string;
}

export const right = (r: Rect) => r.x + r.w;
export const bottom = (r: Rect) => r.y + r.h;
/** The smallest rectangle holding both. */
export const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(right(a), right(b)) - x, h: Math.max(bottom(a), bottom(b)) - y };
};
