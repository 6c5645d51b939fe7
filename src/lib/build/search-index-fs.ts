/**
 * The search index of a built site: one Pagefind page per issue, holding its articles and city
 * reports as pieces. Pagefind finds the issues, the search page keeps the pieces that match alone
 * (src/lib/search/pieces.ts), so a result still leads to `/issues/2024/18/#xinzhou` and the city,
 * kind and round filters still describe that piece. What an issue's page holds is
 * src/lib/search/issue-document.ts.
 *
 * Two bundles (src/lib/search/bundles.ts): the newest year at `pagefind/`, indexed every build,
 * and the closed years at `pagefind/closed/`, reused from the cache while their articles and
 * the code that indexes them are unchanged (adding an issue does not re-index twenty years).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOSED_BUNDLE, PRIMARY_BUNDLE, searchBundles } from '#lib/search/bundles.ts';
import { articlesOf } from '#lib/search/pieces-from-html.ts';
import { codeVersion } from '#lib/source/code-version-fs.ts';
import { keepTree, restoreTree } from './bundle-cache-fs.ts';
import { closePagefind, writeBundle } from './search-bundle-fs.ts';
import { SEARCH_CODE, bundleKey, htmlFile, yearOf, type PiecePage } from './search-pages.ts';
import { recordTiming } from './timings-fs.ts';

/**
 * Postings per index chunk (Pagefind's default 20 000). A query fetches the chunks holding its
 * bigrams, one chunk per bigram at worst; smaller chunks cut what a first search downloads
 * (median 60 → 27 KB at 200 issues) for a longer chunk list in the metadata (+4 KB). Pagefind
 * reads it from the environment of the service it starts ("unstable": re-check on upgrades).
 */
const INDEX_CHUNK_SIZE = '5000';

/** The cached closed-years bundles' names start so, then their key. */
const CLOSED_PREFIX = 'closed-';

const seconds = (ms: number) => (ms < 750 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

export interface SearchIndexOptions {
  /** The project root: where the code that indexes lives (for the cache key). */
  root: string;
  /** Where reusable bundles are kept between builds; none: index everything. */
  cacheDir?: string | undefined;
  /** Where progress is told (Astro's logger in a build). */
  logger: { info(message: string): void };
}

/** The built pages of `pathnames` in `dir` that hold pieces, in path order. */
function piecePages(dir: string, pathnames: readonly string[]): PiecePage[] {
  const pages: PiecePage[] = [];
  for (const pathname of [...pathnames].sort()) {
    const file = htmlFile(dir, pathname);
    if (!existsSync(file)) continue;
    const articles = articlesOf(readFileSync(file, 'utf8'));
    const path = `/${pathname.replace(/^\/+/, '')}`;
    if (articles !== undefined) pages.push({ path, articles, year: yearOf(articles, path) });
  }
  return pages;
}

/** Index every record of the built site in `dir` into `dir/pagefind/` (and `dir/pagefind/closed/`). */
export async function buildSearchIndex(
  dir: string,
  pathnames: readonly string[],
  { root, cacheDir, logger }: SearchIndexOptions,
): Promise<{ pages: number; pieces: number; reused: boolean }> {
  const started = performance.now();
  logger.info('building the search index…');
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= INDEX_CHUNK_SIZE;
  try {
    const pages = piecePages(dir, pathnames);
    const [newest, closed] = searchBundles(pages.map((p) => p.year));
    const inBundle = (years: readonly number[] = []) => pages.filter((p) => years.includes(p.year));
    let pieces = await writeBundle(inBundle(newest?.years), join(dir, PRIMARY_BUNDLE));
    let reused = false;
    if (closed) {
      const closedPages = inBundle(closed.years);
      const target = join(dir, CLOSED_BUNDLE);
      const cached =
        cacheDir && join(cacheDir, `${CLOSED_PREFIX}${bundleKey(codeVersion(root, SEARCH_CODE), closedPages)}`);
      reused = cached !== undefined && restoreTree(cached, target);
      if (!reused) {
        pieces += await writeBundle(closedPages, target);
        if (cached) keepTree(target, cached, CLOSED_PREFIX);
      }
    }
    const ms = performance.now() - started;
    logger.info(
      `search index: ${pages.length} issues; ${pieces} articles and city reports indexed${reused ? ` (the newest year's), closed years (${closed?.years[0]}–${closed?.years.at(-1)}) reused from the cache` : ''}, in ${seconds(ms)}`,
    );
    recordTiming('pagefind', ms, { pieces, reused: reused ? 1 : 0 });
    return { pages: pages.length, pieces, reused };
  } catch (error) {
    throw new Error('building the search index failed', { cause: error });
  } finally {
    await closePagefind();
  }
}
