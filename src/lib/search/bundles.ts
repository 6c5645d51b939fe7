/**
 * How the search index is split, so a build re-indexes only what changed: the newest year
 * (where new issues arrive) is its own Pagefind bundle at `pagefind/`, the closed years one
 * bundle at `pagefind/closed/`, rebuilt only when a closed year's articles change (the build
 * reuses it from its cache otherwise, src/integrations/pagefind.ts). The search page queries
 * both as one index (Pagefind's mergeIndex). Two bundles, not one per year: every bundle a
 * query touches costs its own metadata and index chunks on the first search.
 */
export interface SearchBundle {
  /** Where the bundle lives under the site's base: `pagefind/`, `pagefind/closed/`. */
  path: string;
  /** The issue years whose pieces it holds. */
  years: readonly number[];
}

export const PRIMARY_BUNDLE = 'pagefind/';
export const CLOSED_BUNDLE = 'pagefind/closed/';

/** The bundles for an archive holding issues of `years`: the newest year, then the closed years (if any). */
export function searchBundles(years: Iterable<number>): SearchBundle[] {
  const all = [...new Set(years)].sort((a, b) => a - b);
  const newest = all.at(-1);
  if (newest === undefined) return [];
  const closed = all.slice(0, -1);
  return [
    { path: PRIMARY_BUNDLE, years: [newest] },
    ...(closed.length > 0 ? [{ path: CLOSED_BUNDLE, years: closed }] : []),
  ];
}
