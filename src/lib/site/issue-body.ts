import type { BodyNode } from '../../markdown/issue-body.ts';

/**
 * An issue's body as the issue loader rendered it (src/markdown/issue-loader.ts), for
 * src/components/mdx/IssueBody.astro. Kept apart from the loader so pages do not bundle the
 * Markdown pipeline.
 */
export function issueBody(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): BodyNode[] {
  const body = entry.rendered?.metadata?.['body'];
  if (!Array.isArray(body)) throw new Error(`issue ${entry.id} has no rendered body: the issue loader did not load it`);
  return body as BodyNode[];
}
