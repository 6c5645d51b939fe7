/**
 * Boxes and type on a PDF page, as the layout steps compare them: rectangle arithmetic in
 * points, a column segment (lines run on under one another in one type), and what counts as
 * one type and as heading type. Pure.
 */
import type { GlyphLine } from './types.ts';
import { bottom, right, type Rect } from '../rect.ts';

/** How far two boxes share their width (negative: the gap between them). */
export const xOverlap = (a: Rect, b: Rect) => Math.min(right(a), right(b)) - Math.max(a.x, b.x);
/** `inner` lies within `outer`, to a point. */
export const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  right(inner) <= right(outer) + 1 &&
  bottom(inner) <= bottom(outer) + 1;

/** Lines run on under one another in one type: a column's text, a headline, a caption. */
export interface Segment {
  lines: GlyphLine[];
  box: Rect;
  size: number;
  bold: boolean;
}

type Type = { size: number; bold: boolean };

/** One size (within 8%) and one weight. */
export const sameStyle = (a: Type, b: Type) =>
  Math.abs(a.size - b.size) <= Math.max(a.size, b.size) * 0.08 && a.bold === b.bold;

/** Set as a heading: larger than the body or bold. */
export const isHeadingStyle = (s: Type, bodySize: number) => s.size >= bodySize * 1.12 || s.bold;
