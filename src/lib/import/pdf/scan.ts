/**
 * The printed page as the 版面 view shows it: the page drawn from its PDF at the width the view
 * serves (its largest srcset width, 2400 px; an A3 page is then 8 megapixels, far under the
 * check's 50), as WebP, and each photo cut out of that drawing. sharp encodes.
 */
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '#lib/check/image-rules.ts';
import type { Rect } from '../rect.ts';

/** The width the 版面 view's largest image has (src/components/issue/Facsimile.astro). */
export const SCAN_WIDTH = 2400;

export interface Drawing {
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
}

/** The scan's width for a page of `width` × `height` points: SCAN_WIDTH, less if it would pass the pixel limit. */
export function scanWidth(width: number, height: number): number {
  const most = Math.floor(Math.sqrt((MAX_IMAGE_PIXELS * 0.9 * width) / height));
  return Math.min(SCAN_WIDTH, most);
}

const raw = (d: Drawing) => ({ raw: { width: d.width, height: d.height, channels: 3 as const } });

export async function encodeScan(d: Drawing): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(Buffer.from(d.pixels.buffer, d.pixels.byteOffset, d.pixels.byteLength), raw(d))
      .webp({ quality: 80, effort: 2 })
      .toBuffer(),
  );
}

/** A photo cut out of the drawing at its box on the page. */
export async function cutPhoto(d: Drawing, box: Rect): Promise<Uint8Array> {
  const left = Math.max(0, Math.floor(box.x * d.scale));
  const top = Math.max(0, Math.floor(box.y * d.scale));
  const width = Math.min(d.width - left, Math.ceil(box.w * d.scale));
  const height = Math.min(d.height - top, Math.ceil(box.h * d.scale));
  return new Uint8Array(
    await sharp(Buffer.from(d.pixels.buffer, d.pixels.byteOffset, d.pixels.byteLength), raw(d))
      .extract({ left, top, width, height })
      .webp({ quality: 85, effort: 2 })
      .toBuffer(),
  );
}

/**
 * How dark a box of the drawing is: the share of its pixels darker than mid-grey. A bold face
 * leaves more ink on a line than a regular one of its size: the PDF importer reads weight
 * from it where a font's name or flags do not say (Chromium's Type3 fonts, for one).
 */
export function inkOf(d: Drawing, box: Rect): number {
  const x0 = Math.max(0, Math.floor(box.x * d.scale));
  const y0 = Math.max(0, Math.floor(box.y * d.scale));
  const x1 = Math.min(d.width, Math.ceil((box.x + box.w) * d.scale));
  const y1 = Math.min(d.height, Math.ceil((box.y + box.h) * d.scale));
  let dark = 0;
  let all = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const k = (y * d.width + x) * 3;
      const lum = 0.299 * (d.pixels[k] ?? 255) + 0.587 * (d.pixels[k + 1] ?? 255) + 0.114 * (d.pixels[k + 2] ?? 255);
      if (lum < 128) dark++;
      all++;
    }
  }
  return all === 0 ? 0 : dark / all;
}
