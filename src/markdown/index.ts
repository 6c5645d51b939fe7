/**
 * The paper's Markdown conventions, in the order they must run. Issue bodies go through them in
 * the content layer (issue-body.ts); `astro.config.mjs` also sets them as
 * `markdown: { processor: unified({ remarkPlugins, rehypePlugins }) }`, for any other Markdown.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeCjkSpacing } from './rehype-cjk-spacing.ts';
import { rehypeSanitizeBody } from './rehype-sanitize-body.ts';
import { remarkContinuationNote } from './remark-continuation-note.ts';
import { remarkPhotoCredit } from './remark-photo-credit.ts';
import { rehypeFigureSources, remarkFigureSources } from './figure-sources.ts';

export const remarkPlugins = [remarkContinuationNote, remarkPhotoCredit, remarkFigureSources] satisfies RemarkPlugins;

export const rehypePlugins = [rehypeSanitizeBody, rehypeFigureSources, rehypeCjkSpacing] satisfies RehypePlugins;
