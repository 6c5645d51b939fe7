import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from '#lib/source/content-dir.ts';
import { IssueSchema } from '#schemas/issue.ts';

/**
 * One MDX file per issue under content/issues/: front-matter is the issue's data, body its text.
 * Each page scan is handed to Astro's image pipeline as `scans[pageId]` (the front-matter keeps
 * the path the editor wrote), so pages get its width, height and resized variants.
 */
const issues = defineCollection({
  loader: glob({ pattern: '*.mdx', base: contentDir() }),
  schema: ({ image }) =>
    IssueSchema.transform((issue) => ({
      ...issue,
      scans: Object.fromEntries(
        issue.pages.flatMap((page) => (page.scan === undefined ? [] : [[page.id, image().parse(page.scan)]])),
      ),
    })),
});

export const collections = { issues };
