/**
 * The search page's preloads of each bundle's metadata, added once the index is written. Pagefind
 * names a bundle's metadata by a hash known only after indexing, after the pages are rendered; left
 * to itself it asks for the closed years' metadata only once the newest year's WebAssembly runs
 * (mergeIndex), a chain the first search waits on. Preloaded at the very URL Pagefind fetches
 * (no query, in the page's own thread: the search page runs Pagefind without a worker), both
 * bundles' metadata load with the page, side by side.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchMetaPreloads } from '#lib/search/meta-preloads.ts';
import { writeFileAtomic } from './write-atomic-fs.ts';

/** Adds to `dir`'s search page a preload of each bundle's metadata; `base` is the site's base path. */
export function preloadSearchMeta(dir: string, base: string, bundlePaths: readonly string[]): void {
  const page = join(dir, 'search', 'index.html');
  if (!existsSync(page)) return;
  const entries = bundlePaths.flatMap((path) => {
    const entry = join(dir, path, 'pagefind-entry.json');
    return existsSync(entry) ? [{ path, entry: readFileSync(entry, 'utf8') }] : [];
  });
  writeFileAtomic(page, searchMetaPreloads(readFileSync(page, 'utf8'), base, entries));
}
