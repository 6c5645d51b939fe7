import { z } from 'astro/zod';
import { CITY_SLUGS, describeKnownCities, cityName } from '#data/cities.ts';
import { FigureSourcesSchema, RoundFiguresSchema, findTotalMismatches, formatFigure } from './figures.ts';

export const CitySlugSchema = z.enum(CITY_SLUGS, {
  error: (issue) => `unknown city ${JSON.stringify(issue.input)}; expected one of: ${describeKnownCities()}`,
});

/** Anchor ids: lower-case ASCII, digits and hyphens, so `#xinzhou` links survive any host. */
export const AnchorIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { error: 'expected an anchor id of a-z, 0-9 and -, e.g. "lead"' });

/**
 * One city's report on a "三个一批" round (a 城市报道 inside a 报道集锦), with the figures
 * its text states. Its text is the body of the matching `<CityReport city="…">` in the MDX.
 */
export const CityReportSchema = RoundFiguresSchema.extend({
  /** City slug from the registry (`xinzhou`); also the report's anchor unless `id` is set. */
  city: CitySlugSchema,
  /** Anchor id when one issue carries two reports of the same city. Default: the city slug. */
  id: AnchorIdSchema.optional(),
  /** The round reported on: an id declared under `rounds` (`2024-2`). */
  round: z.string({ error: 'expected the id of a declared round, e.g. "2024-2"' }),
  /** The article (报道集锦) the report belongs to, by its `articles[].id`. */
  article: AnchorIdSchema.optional(),
  /** The two short heading lines after `城市：`, as printed. */
  headline: z.array(z.string().min(1)).min(1).max(3),
  /** Where the city held its venue (分会场), as printed. */
  venue: z.string().optional(),
  /** Reporter's name from the byline. */
  reporter: z.string().optional(),
  /** Development zones the report names, as printed. */
  zones: z.array(z.string()).default([]),
  /** Page the report continues on (`D3` for `(下转D3版)`). */
  continuedOn: z.string().optional(),
  /** Which clause states a figure the text states twice (the check says when it is needed). */
  sources: FigureSourcesSchema.optional(),
}).superRefine((report, ctx) => {
  const name = cityName(report.city);
  for (const m of findTotalMismatches(report)) {
    const parts = m.parts.map((p) => formatFigure(m.key, p)).join(' + ');
    ctx.addIssue({
      code: 'custom',
      path: m.field.split('.'),
      message: `${name} ${m.field} is ${formatFigure(m.key, m.stated)} but its stated parts add up to ${formatFigure(m.key, m.sum)} (signed + started + producing = ${parts}); correct the total or the part that was mistyped`,
    });
  }
});

export type CityReport = z.infer<typeof CityReportSchema>;
