import { z } from 'astro/zod';

/** `2024-02-30` passes the pattern but is not a day; Date rolls it over to March, which tells. */
const isCalendarDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

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
    })
    .refine((s) => !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) || isCalendarDay(s), {
      error: (issue) => `${String(issue.input)} is not a day in the calendar; write the date as printed`,
    }),
);

export type PartialDate = z.infer<typeof PartialDateSchema>;
