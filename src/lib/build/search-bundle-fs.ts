/** One Pagefind bundle written through Pagefind's Node API (which runs Pagefind's own process). */
import * as pagefind from 'pagefind';
import { issueDocument } from '#lib/search/issue-document.ts';
import { extractPieces, type ExtractedPiece } from '#lib/search/pieces-from-html.ts';
import type { PiecePage } from './search-pages.ts';

/** Issues handed to Pagefind at once: enough to keep its service busy, few enough to bound memory. */
const BATCH = 16;

function assertOk<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}

/** Index the issues of `pages` into a Pagefind bundle at `outputPath`; the number of pieces they hold. */
export async function writeBundle(pages: readonly PiecePage[], outputPath: string): Promise<number> {
  const { index } = assertOk(await pagefind.createIndex({}), 'createIndex');
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let pieces = 0;
  let pending: Promise<unknown>[] = [];
  for (const page of pages) {
    let found: ExtractedPiece[];
    try {
      found = extractPieces(page.articles);
    } catch (error) {
      throw new Error(`reading the articles of ${page.path}`, { cause: error });
    }
    pieces += found.length;
    pending.push(
      index
        .addHTMLFile({ url: page.path, content: issueDocument(found) })
        .then((r) => assertOk(r, `adding ${page.path}`)),
    );
    if (pending.length >= BATCH) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  assertOk(await index.writeFiles({ outputPath }), 'writeFiles');
  await index.deleteIndex();
  return pieces;
}

/** Ends Pagefind's process (started by the first createIndex). */
export const closePagefind = () => pagefind.close();
