/**
 * The paper's Markdown conventions, in the order they must run. Used in `astro.config.mjs` as
 * `markdown: { processor: unified({ remarkPlugins, rehypePlugins }) }`.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeCjkSpacing } from './rehype-cjk-spacing.ts';
import { remarkContinuationNote } from './remark-continuation-note.ts';
import { remarkPhotoCredit } from './remark-photo-credit.ts';
import { remarkPhotoImage } from './remark-photo-image.ts';

export const remarkPlugins = [remarkContinuationNote, remarkPhotoCredit, remarkPhotoImage] satisfies RemarkPlugins;

export const rehypePlugins = [rehypeCjkSpacing] satisfies RehypePlugins;
