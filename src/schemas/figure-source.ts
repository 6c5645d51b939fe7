import { z } from 'astro/zod';
import { FIGURE_KEYS, FIGURE_PARTS } from './figures.ts';

/**
 * Where a figure is printed, as the issue loader finds it (src/lib/figures/sources.ts): not
 * written by editors, kept with the entry so that tables and open data can link and quote.
 */
export const FigureSourceSchema = z.strictObject({
  id: z.string(),
  in: z.string(),
  part: z.enum(FIGURE_PARTS),
  key: z.enum(FIGURE_KEYS),
  quote: z.string(),
  headline: z.number().int().optional(),
  occurrence: z.number().int().optional(),
  page: z.string().optional(),
});
