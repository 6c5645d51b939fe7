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
