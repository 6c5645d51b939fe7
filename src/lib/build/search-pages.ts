/**
 * The built pages the search index is made from, as the indexer sees them: where a page's HTML
 * file is, which issue year its pieces belong to, and the key under which a bundle made from
 * such pages is cached.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';

/** A built page holding pieces: its path and the stretch of HTML its pieces come from. */
export interface PiecePage {
  path: string;
  articles: string;
  year: number;
}

/** The site path of a built page (`issues/2024/18/`) → its HTML file in `dir`. */
export function htmlFile(dir: string, pathname: string): string {
  const clean = pathname.replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? join(dir, clean, 'index.html') : join(dir, `${clean}.html`);
}

/** The issue year of a page's pieces, read from its first piece's facts without parsing the rest. */
export function yearOf(articles: string, path: string): number {
  const open = fromHtml(articles.slice(0, articles.indexOf('>') + 1), { fragment: true }).children[0];
  const raw = open?.type === 'element' ? open.properties['dataSearch'] : undefined;
  const year = typeof raw !== 'string' ? undefined : (JSON.parse(raw) as { year?: unknown }).year;
  if (typeof year !== 'number')
    throw new Error(`${path}: the first <article data-pagefind-body> has no year in data-search`);
  return year;
}

/**
 * What a cached bundle depends on besides its pages: the code that turns pages into pieces and
 * indexes them (src/lib/search, the search-index modules here) and, through the lockfile, the
 * Pagefind and OpenCC versions. Any change re-indexes.
 */
export const SEARCH_CODE = [
  'src/lib/search',
  'src/lib/build/search-pages.ts',
  'src/lib/build/search-bundle-fs.ts',
  'src/lib/build/search-index-fs.ts',
];

/** One bundle's key: the code version and, page by page, its path and articles. */
export function bundleKey(version: string, pages: readonly PiecePage[]): string {
  const hash = createHash('sha256').update(version);
  for (const p of pages) hash.update(`\0${p.path}\0`).update(p.articles);
  return hash.digest('hex').slice(0, 32);
}
