/**
 * The paper's Markdown conventions, in the order they must run. Used in `astro.config.mjs` as
 * `markdown: { processor: unified({ remarkPlugins, rehypePlugins }) }`.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeCjkSpacing } from './rehype-cjk-spacing.ts';
import { rehypePhotoImage } from './rehype-photo-image.ts';
import { rehypeSanitizeBody } from './rehype-sanitize-body.ts';
import { remarkContinuationNote } from './remark-continuation-note.ts';
import { remarkPhotoCredit } from './remark-photo-credit.ts';

export const remarkPlugins = [remarkContinuationNote, remarkPhotoCredit] satisfies RemarkPlugins;

export const rehypePlugins = [rehypeSanitizeBody, rehypePhotoImage, rehypeCjkSpacing] satisfies RehypePlugins;
