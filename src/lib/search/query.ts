/**
 * A search as the reader states it (query, filters, order), its form in the URL
 * (`/search/?q=康佳&city=jincheng&sort=newest`), and how it runs against Pagefind.
 * Shared by the search page's script and the tests; no DOM, no Astro.
 */
import { pagefindQueries } from './tokens.ts';
import type { Variants } from './variants.ts';

/** What results can be narrowed by; each is a URL parameter and a Pagefind filter of the same name. */
export const FILTER_KEYS = ['city', 'year', 'issue', 'kind', 'round'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchRequest {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: Sort;
}

export function requestFromParams(params: URLSearchParams): SearchRequest {
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: SORTS.find((s) => s === sort) ?? 'relevance' };
}

/** The URL form, with only what is set (`?q=康佳&city=jincheng`), so shared links stay short. */
export function paramsFromRequest(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  if (request.q) params.set('q', request.q);
  for (const key of FILTER_KEYS) {
    const value = request.filters[key];
    if (value) params.set(key, value);
  }
  if (request.sort !== 'relevance') params.set('sort', request.sort);
  return params;
}

/** Pagefind's filter object: `{ city: 'xinzhou' }`, or compound, `{ year: '2024', not: { year: '2024' } }`. */
export type PagefindFilters = Record<string, string | Record<string, string>>;

/** The part of Pagefind's JS API (`/pagefind/pagefind.js`) that search uses. */
export interface PagefindApi {
  search(
    term: string | null,
    options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

/**
 * Runs a search: every run of the query must match (each run is one Pagefind query, see
 * tokens.ts), results best first or in issue order. Filters alone browse the archive.
 * Undefined when there is nothing to search for.
 *
 * `newestYear`, when the index is split into the newest year and the closed years
 * (src/lib/search/bundles.ts): Pagefind merges the bundles' results by score, and under a sort
 * a score is only a place within one bundle, so issue order is kept by searching the newest
 * year and the closed years apart and putting one list before the other.
 */
export async function searchArchive(
  pagefind: PagefindApi,
  request: SearchRequest,
  variants?: Variants,
  newestYear?: string,
): Promise<PagefindResult[] | undefined> {
  const queries = pagefindQueries(request.q, variants);
  const hasFilters = Object.keys(request.filters).length > 0;
  if (queries.length === 0 && !hasFilters) return undefined;
  const sorted = queries.length === 0 || request.sort !== 'relevance';
  const oneYear = request.filters.year !== undefined || request.filters.issue !== undefined;
  if (sorted && newestYear !== undefined && !oneYear) {
    const newest = await searchOnce(pagefind, queries, request, { ...request.filters, year: newestYear });
    const closed = await searchOnce(pagefind, queries, request, { ...request.filters, not: { year: newestYear } });
    return request.sort === 'oldest' ? [...closed, ...newest] : [...newest, ...closed];
  }
  return searchOnce(pagefind, queries, request, request.filters);
}

async function searchOnce(
  pagefind: PagefindApi,
  queries: ReturnType<typeof pagefindQueries>,
  request: SearchRequest,
  filters: PagefindFilters,
): Promise<PagefindResult[]> {
  const options = {
    filters,
    sort:
      request.sort === 'relevance' ? {} : { date: request.sort === 'newest' ? ('desc' as const) : ('asc' as const) },
  };
  // Filters only: browse in issue order (relevance means nothing without words).
  if (queries.length === 0) {
    const all = await pagefind.search(null, { ...options, sort: { date: request.sort === 'oldest' ? 'asc' : 'desc' } });
    return all?.results ?? [];
  }
  const lists = await Promise.all(
    queries.map(async ({ match, rank }) => {
      const found = (await pagefind.search(match, options))?.results ?? [];
      if (rank === undefined || request.sort !== 'relevance') return found;
      const scores = new Map(((await pagefind.search(rank, options))?.results ?? []).map((r) => [r.id, r.score]));
      const ranked = found.map((r) => ({ id: r.id, score: scores.get(r.id) ?? r.score, data: () => r.data() }));
      return ranked.sort((a, b) => b.score - a.score);
    }),
  );
  const [first = [], ...rest] = lists;
  if (rest.length === 0) return first;
  // Several runs (`康佳 晋城`): records that match them all, their scores added.
  const scores = new Map(first.map((r) => [r.id, r.score]));
  for (const list of rest) {
    const seen = new Map(list.map((r) => [r.id, r.score]));
    for (const [id, score] of scores) {
      const more = seen.get(id);
      if (more === undefined) scores.delete(id);
      else scores.set(id, score + more);
    }
  }
  const both = first.filter((r) => scores.has(r.id));
  return request.sort === 'relevance' ? both.sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0)) : both;
}
