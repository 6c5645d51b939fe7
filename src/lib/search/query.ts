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
 * tokens.ts). Results are issues: under `relevance`, those whose headlines hold the query first
 * (more of its words first, when it has several), each group newest first; otherwise in issue
 * order. Filters alone browse the archive. Undefined when there is nothing to search for.
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
  const order = request.sort === 'oldest' ? 'asc' : 'desc';
  const oneYear = request.filters.year !== undefined || request.filters.issue !== undefined;
  const split = newestYear !== undefined && !oneYear;
  // All at once: each waits for its own index chunks, and those downloads overlap.
  const [first, second = [], headline] = await Promise.all([
    matching(pagefind, queries, split ? { ...request.filters, year: newestYear } : request.filters, order),
    split ? matching(pagefind, queries, { ...request.filters, not: { year: newestYear } }, order) : undefined,
    request.sort === 'relevance' && queries.length > 0 ? headlineScores(pagefind, queries, request.filters) : undefined,
  ]);
  // With the bundles split, `first` is the newest year and `second` the closed years.
  const inOrder = order === 'asc' ? [...second, ...first] : [...first, ...second];
  if (!headline) return inOrder;
  // Headline hits first; the sort is stable, so each group stays in issue order.
  return inOrder.sort((a, b) => (headline.get(b.id) ?? 0) - (headline.get(a.id) ?? 0));
}

/** For each issue whose headlines hold some run of the query, how many runs they hold. */
async function headlineScores(
  pagefind: PagefindApi,
  queries: ReturnType<typeof pagefindQueries>,
  filters: PagefindFilters,
): Promise<Map<string, number>> {
  const lists = await Promise.all(
    queries.map(async ({ rank }) =>
      rank === undefined ? [] : ((await pagefind.search(rank, { filters }))?.results ?? []),
    ),
  );
  const scores = new Map<string, number>();
  for (const list of lists) for (const r of list) scores.set(r.id, (scores.get(r.id) ?? 0) + 1);
  return scores;
}

/** The issues matching every run (or, without runs, the filters alone), in issue order. */
async function matching(
  pagefind: PagefindApi,
  queries: ReturnType<typeof pagefindQueries>,
  filters: PagefindFilters,
  order: 'asc' | 'desc',
): Promise<PagefindResult[]> {
  const options = { filters, sort: { date: order } };
  if (queries.length === 0) return (await pagefind.search(null, options))?.results ?? [];
  const [first = [], ...rest] = await Promise.all(
    queries.map(async ({ match }) => (await pagefind.search(match, options))?.results ?? []),
  );
  // Several runs (`康佳 晋城`): the issues that match them all.
  const all = rest.map((list) => new Set(list.map((r) => r.id)));
  return first.filter((r) => all.every((ids) => ids.has(r.id)));
}
