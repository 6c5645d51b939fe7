/**
 * The paper's Markdown conventions, in the order they must run. Issue bodies go through them in
 * the content layer (issue-body.ts), the only Markdown the site has: `astro.config.mjs` sets no
 * Markdown processor and no MDX integration (README, Architecture).
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeCjkSpacing } from './rehype-cjk-spacing.ts';
import { rehypeSanitizeBody } from './rehype-sanitize-body.ts';
import { remarkContinuationNote } from './remark-continuation-note.ts';
import { remarkPhotoCredit } from './remark-photo-credit.ts';
import { rehypeFigureSources, remarkFigureSources } from './figure-sources.ts';

export const remarkPlugins = [remarkContinuationNote, remarkPhotoCredit, remarkFigureSources] satisfies RemarkPlugins;

export const rehypePlugins = [rehypeSanitizeBody, rehypeFigureSources, rehypeCjkSpacing] satisfies RehypePlugins;
