import { z } from 'astro/zod';

/**
 * A date known to the year, the month or the day: `2024`, `2024-05` or `2024-05-10`.
 * YAML turns an unquoted `2024-05-10` into a Date; it is accepted and kept as the day string.
 */
export const PartialDateSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"' })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
      error: 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; write only what the paper states',
    }),
);

export type PartialDate = z.infer<typeof PartialDateSchema>;
