import { readFileSync } from 'node:fs';
import type { BodyNode } from '../../markdown/issue-body.ts';

/**
 * An issue's body as the issue loader rendered it (src/markdown/issue-loader.ts), for
 * src/components/mdx/IssueBody.astro: from the file the loader kept it in, or from the content
 * store when the build cache is off. Kept apart from the loader so pages do not bundle the
 * Markdown pipeline.
 */
export function readRenderedBody(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): BodyNode[] {
  const { body, bodyFile } = entry.rendered?.metadata ?? {};
  if (Array.isArray(body)) return body as BodyNode[];
  if (typeof bodyFile === 'string') {
    try {
      return JSON.parse(readFileSync(bodyFile, 'utf8')) as BodyNode[];
    } catch (error) {
      throw new Error(`issue ${entry.id}: its rendered body ${bodyFile} cannot be read; build again`, { cause: error });
    }
  }
  throw new Error(`issue ${entry.id} has no rendered body: the issue loader did not load it`);
}
