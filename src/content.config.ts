import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from '#lib/source/content-dir.ts';
import { IssueSchema } from '#schemas/issue.ts';

/** One MDX file per issue under content/issues/: front-matter is the issue's data, body its text. */
const issues = defineCollection({
  loader: glob({ pattern: '*.mdx', base: contentDir() }),
  schema: IssueSchema,
});

export const collections = { issues };
