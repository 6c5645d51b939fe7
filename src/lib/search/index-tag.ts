/**
 * The tag that names a build's search index in the URL of its entry files
 * (`pagefind/pagefind-entry.json?ts=<tag>`, Pagefind's `metaCacheTag`). Pagefind asks for the
 * entry with a query that defeats caches (`?ts=<now>` unless told a tag), because the entry
 * names the metadata file of its index; the search page can preload the entry only at the URL
 * Pagefind will ask for, so it tells Pagefind a tag it knows while rendering.
 * The tag must change whenever the index may have: it digests every issue's entry digest (the
 * file, and the code that renders and indexes it: src/lib, src/markdown, src/schemas, src/data,
 * the lockfile, see src/markdown/issue-loader.ts) and the rest of the code that shapes the built
 * pages the index is read from. A tag that changes for nothing costs one fresh entry file.
 */
import { createHash } from 'node:crypto';

/** `issues`: each issue's id and content digest; `code`: path → source of the code beside them. */
export function searchIndexTag(
  issues: readonly { id: string; digest?: string | number | undefined }[],
  code: Readonly<Record<string, string>>,
): string {
  const hash = createHash('sha256');
  for (const { id, digest } of [...issues].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(`${id}\0${digest ?? ''}\0`);
  for (const path of Object.keys(code).sort()) hash.update(`${path}\0${code[path]}\0`);
  return hash.digest('hex').slice(0, 16);
}
