import { z } from 'astro/zod';

/** `2024-02-30` passes the pattern but is not a day; Date rolls it over to March, which tells. */
const isCalendarDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

/** A Date YAML made of a day without a time (`2024-05-10`): midnight UTC. */
const isDayOnly = (v: Date) => !Number.isNaN(v.getTime()) && v.getTime() % 86_400_000 === 0;

/**
 * A date known to the year, the month or the day: `2024`, `2024-05` or `2024-05-10`, a day in
 * the calendar as the paper prints it, with no time and no time zone.
 * YAML turns an unquoted `2024-05-10` into a Date at midnight UTC; it is accepted and kept as the
 * day string. A timestamp (`2024-05-10 07:30:00 +08:00`) becomes an instant whose UTC day may be
 * another (2024-05-09): refused, never read in some time zone (checkYamlValues says so at its
 * line, from the YAML source, also for a time that falls on midnight UTC).
 */
export const PartialDateSchema = z.preprocess(
  (v) => (v instanceof Date && isDayOnly(v) ? v.toISOString().slice(0, 10) : v),
  z
    .string({
      error: (issue) =>
        issue.input instanceof Date
          ? 'a date is a calendar day as printed: write "YYYY-MM-DD", without a time'
          : 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
      error: 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; write only what the paper states',
    })
    .refine((s) => !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) || isCalendarDay(s), {
      error: (issue) => `${String(issue.input)} is not a day in the calendar; write the date as printed`,
    }),
);

export type PartialDate = z.infer<typeof PartialDateSchema>;
