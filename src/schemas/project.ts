import { z } from 'astro/zod';
import { BATCHES } from './figures.ts';
import { CitySlugSchema } from './city-report.ts';

/** A project the text names with at least one fact about it. */
export const NamedProjectSchema = z.strictObject({
  /** Project name as printed. */
  name: z.string().min(1),
  /** City it is in. */
  city: CitySlugSchema,
  /** The round it was presented in. */
  round: z.string().optional(),
  /** Which batch of the round it belongs to. */
  batch: z.enum(BATCHES, { error: 'expected batch signed, started or producing' }).optional(),
  /** Investment in 亿元 when the text states it. */
  investment: z.number({ error: 'expected a number of 亿元, e.g. 4.18' }).nonnegative().optional(),
  /** Company behind it, as printed. */
  company: z.string().optional(),
  /** Development zone it is in, as printed. */
  zone: z.string().optional(),
  /** Anchor of the article or city report that names it. */
  source: z.string().optional(),
});

export type NamedProject = z.infer<typeof NamedProjectSchema>;
