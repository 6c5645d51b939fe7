import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { issueLoader } from './markdown/issue-loader.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { FigureSourceSchema } from '#schemas/figure-source.ts';
import { IssueSchema } from '#schemas/issue.ts';

/**
 * One MDX file per issue under content/issues/: front-matter is the issue's data, body its text,
 * rendered by the issue loader (src/markdown/issue-loader.ts). Each page scan is handed to Astro's
 * image pipeline as `scans[pageId]` (the front-matter keeps the path the editor wrote), so pages
 * get its width, height and resized variants; each photo of the body (`<Photo src>`, which the
 * loader lists as `photos`) likewise as `photos[src]`. The loader also lists where each figure is
 * printed (`figureSources`, src/lib/figures/sources.ts), for the anchors every table links to.
 */
const issues = defineCollection({
  loader: issueLoader({ dir: contentDir() }),
  schema: ({ image }) =>
    IssueSchema.safeExtend({
      photos: z.array(z.string()).default([]),
      figureSources: z.array(FigureSourceSchema).default([]),
    }).transform((issue) => ({
      ...issue,
      scans: Object.fromEntries(
        issue.pages.flatMap((page) => (page.scan === undefined ? [] : [[page.id, image().parse(page.scan)]])),
      ),
      photos: Object.fromEntries(issue.photos.map((src) => [src, image().parse(src)])),
    })),
});

export const collections = { issues };
