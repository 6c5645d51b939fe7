import { z } from 'astro/zod';

/** A printed page (版): a letter or two and a number, `D1`. */
export const PageIdSchema = z.string().regex(/^[A-Z]{1,2}\d{1,2}$/, { error: 'expected a page (版) like "D1"' });

const fraction = (what: string) =>
  z
    .number({ error: `expected ${what} as a fraction of the page, a number from 0 to 1` })
    .min(0, { error: `${what} is outside the page: expected a fraction from 0 to 1` })
    .max(1, { error: `${what} is outside the page: expected a fraction from 0 to 1` });

/**
 * Where an article or city report is printed on the page scan: a rectangle measured in
 * fractions of the page's width and height from its top left corner. A piece that runs across
 * columns has several regions.
 */
export const RegionSchema = z
  .strictObject({
    /** The article id (`lead`) or the city report's anchor (`xinzhou`) this rectangle shows. */
    of: z.string({ error: 'expected the id of an article or city report, e.g. lead or xinzhou' }),
    /** Left edge, fraction of the page's width. */
    x: fraction('x (the left edge)'),
    /** Top edge, fraction of the page's height. */
    y: fraction('y (the top edge)'),
    /** Width, fraction of the page's width. */
    w: fraction('w (the width)').positive({ error: 'w (the width) must be more than 0' }),
    /** Height, fraction of the page's height. */
    h: fraction('h (the height)').positive({ error: 'h (the height) must be more than 0' }),
  })
  .superRefine((r, ctx) => {
    // A rounding slack of 0.001, so a region drawn to the page's edge is never refused.
    if (r.x + r.w > 1.001) {
      ctx.addIssue({
        code: 'custom',
        path: ['w'],
        message: `the region runs past the page's right edge (x + w = ${+(r.x + r.w).toFixed(3)}, at most 1)`,
      });
    }
    if (r.y + r.h > 1.001) {
      ctx.addIssue({
        code: 'custom',
        path: ['h'],
        message: `the region runs past the page's bottom edge (y + h = ${+(r.y + r.h).toFixed(3)}, at most 1)`,
      });
    }
  });

/**
 * A page of the issue held in the archive: `D1`, or with its scan and the regions of its
 * articles, `{ id: D1, scan: ./2024-18/D1.jpg, regions: [...] }`. Always read as the object.
 */
export const PageSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  z.strictObject({
    /** The page (版), `D1`. */
    id: PageIdSchema,
    /** The page's scan: an image file beside the issue, path relative to the issue file. */
    scan: z.string({ error: 'expected the path of the scan, e.g. ./2024-18/D1.jpg' }).min(1).optional(),
    /** Where each article and city report is printed on the scan. Default: none. */
    regions: z.array(RegionSchema).default([]),
  }),
);

export type Page = z.infer<typeof PageSchema>;
export type Region = z.infer<typeof RegionSchema>;
