/**
 * The search page's behaviour: URL → form → Pagefind → result list, and every change the
 * reader makes → a new history entry. Pagefind (`/pagefind/pagefind.js`) loads on the first
 * search, the traditional-character table only for a query in traditional characters. Pagefind finds
 * issues; each issue's fragment lists its pieces, and the list shows the articles and city
 * reports that match alone (src/lib/search/pieces.ts). Results are built as DOM nodes from text
 * (no HTML strings), excerpts from the piece's text around the first match.
 */
import {
  FILTER_KEYS,
  paramsFromRequest,
  requestFromParams,
  searchArchive,
  type PagefindApi,
  type PagefindResult,
  type SearchRequest,
} from '#lib/search/query.ts';
import { matchingPieces, pieceLevelNarrowing, pieceVariants, type PieceResult } from '#lib/search/pieces.ts';
import type { FilterOption } from '#lib/search/facets.ts';
import { excerpt, searchRuns } from '#lib/search/tokens.ts';
import { decodeVariantChars, needsVariants } from '#lib/search/variant-chars.ts';
import type { Variants } from '#lib/search/variants.ts';

/** Results shown at first, then more on request. */
const PAGE_SIZE = 10;
/**
 * Issues loaded at first to find them: each costs its Pagefind fragment (about 9 KB gzipped at
 * 1000 synthetic issues) and an issue holds one to a dozen matching pieces; later batches are
 * sized by how many pieces an issue yielded so far.
 */
const FIRST_ISSUES = 3;
/** Issues read for one page of results before the search waits for the reader (each costs a fragment). */
const SEARCH_AHEAD = 30;

const form = document.querySelector<HTMLFormElement>('#archive-search');
const status = document.querySelector<HTMLElement>('#archive-search-status');
const list = document.querySelector<HTMLOListElement>('#archive-search-results');
const more = document.querySelector<HTMLButtonElement>('#archive-search-more');

let pagefind: Promise<PagefindApi> | undefined;
/**
 * Pagefind, loaded with the first search. The index is the newest year's bundle with the closed
 * years' merged in (src/lib/search/bundles.ts). No web worker: it would fetch a second copy of
 * Pagefind's runtime (43 KB) to move a search that takes milliseconds off the main thread.
 */
function loadPagefind(f: HTMLFormElement): Promise<PagefindApi> {
  const base = f.dataset.base ?? '/';
  const merged = (f.dataset.mergeIndexes ?? '').split(' ').filter(Boolean);
  // The tag puts each entry file at the URL the page preloads (src/lib/search/index-tag.ts).
  const metaCacheTag = f.dataset.indexTag;
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf) => {
    await pf.options({ basePath: `${base}pagefind/`, baseUrl: base, noWorker: true, metaCacheTag });
    await Promise.all(merged.map((path) => pf.mergeIndex(`${base}${path}`, { baseUrl: base, metaCacheTag })));
    return pf as PagefindApi;
  });
  return pagefind;
}

let variants: Promise<Variants> | undefined;
let variantChars: Uint8Array | undefined;
/**
 * The traditional → simplified table (29 KB), only when the query holds a character it maps (the
 * page carries which, data-variant-chars). A piece printed in traditional characters carries
 * its own share of the table (src/lib/search/pieces.ts).
 */
async function variantsFor(f: HTMLFormElement, query: string): Promise<Variants | undefined> {
  variantChars ??= decodeVariantChars(f.dataset.variantChars ?? '');
  if (!variants && !needsVariants(query, variantChars)) return undefined;
  variants ??= import('#lib/search/variants.ts').then((m) => m.simplifiedVariants());
  return variants;
}

function readForm(f: HTMLFormElement): SearchRequest {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(f)) if (typeof value === 'string') params.set(key, value);
  return requestFromParams(params);
}

const yearOfIssue = (issue: string | undefined) => /^(\d{4})-/.exec(issue ?? '')?.[1];

const issueChoices = new Map<string, Promise<FilterOption[]>>();
/**
 * The issue filter offers the issues of the chosen year (`/search/issues/2024.json`), loaded
 * when a year is picked; without a year it waits for one. `selected` is chosen once loaded.
 */
async function offerIssuesOf(f: HTMLFormElement, year: string, selected = ''): Promise<void> {
  const select = f.elements.namedItem('issue');
  if (!(select instanceof HTMLSelectElement)) return;
  const all = select.options[0] ?? new Option('', '');
  select.replaceChildren(all);
  select.disabled = year === '';
  if (year === '') return;
  let choices = issueChoices.get(year);
  if (!choices) {
    choices = fetch(`${f.dataset.base ?? '/'}search/issues/${year}.json`).then((r) =>
      r.ok ? (r.json() as Promise<FilterOption[]>) : [],
    );
    issueChoices.set(year, choices);
  }
  const options = await choices;
  const yearSelect = f.elements.namedItem('year');
  // The reader may have picked another year meanwhile.
  if (yearSelect instanceof HTMLSelectElement && yearSelect.value !== year) return;
  select.replaceChildren(all, ...options.map((o) => new Option(o.label, o.value)));
  select.value = selected;
}

function fillForm(f: HTMLFormElement, request: SearchRequest): void {
  const q = f.elements.namedItem('q');
  if (q instanceof HTMLInputElement) q.value = request.q;
  for (const key of FILTER_KEYS) {
    const select = f.elements.namedItem(key);
    if (select instanceof HTMLSelectElement && key !== 'issue') select.value = request.filters[key] ?? '';
  }
  // An issue implies its year: `?issue=2024-18` shows 2024 and that year's issues.
  const year = request.filters.year ?? yearOfIssue(request.filters.issue) ?? '';
  const yearSelect = f.elements.namedItem('year');
  if (yearSelect instanceof HTMLSelectElement) yearSelect.value = year;
  void offerIssuesOf(f, year, request.filters.issue);
  const sort = f.elements.namedItem('sort');
  if (sort instanceof HTMLSelectElement) sort.value = request.sort;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function resultItem(piece: PieceResult, query: string, table: Variants | undefined): HTMLLIElement {
  const variants = pieceVariants(piece, table);
  const li = element('li');
  const heading = element('h2');
  const link = element('a');
  link.href = piece.url;
  // A match in the heading (a city report's figures often stand there) is highlighted too.
  const title = piece.title;
  for (const part of excerpt(title, query, [...title].length, variants).parts)
    link.append(part.mark ? element('mark', undefined, part.text) : part.text);
  heading.append(link);
  const facts = [piece.issueLabel, piece.page && `${piece.page}版`, piece.kind, piece.city, piece.date].filter(Boolean);
  li.append(heading, element('p', 'archive-search__meta', facts.join(' · ')));
  const text = piece.text;
  if (text) {
    const cut = excerpt(text, query, 110, variants);
    const p = element('p', 'archive-search__excerpt');
    if (cut.start) p.append('…');
    for (const part of cut.parts) p.append(part.mark ? element('mark', undefined, part.text) : part.text);
    if (cut.end) p.append('…');
    li.append(p);
  }
  return li;
}

let current = 0;

async function run(f: HTMLFormElement, request: SearchRequest): Promise<void> {
  if (!status || !list || !more) return;
  const run = ++current;
  list.replaceChildren();
  more.hidden = true;
  if (!request.q && Object.keys(request.filters).length === 0) {
    status.textContent = '';
    return;
  }
  status.textContent = '正在搜索…';
  // User Timing marks (no cost, nothing sent anywhere): the benchmark reads when a search started,
  // Pagefind was ready, the results were known and the first stood on the page (scripts/bench/search-cost.ts).
  performance.mark('kfjz:search-start');
  let results: PagefindResult[];
  let queryVariants: Variants | undefined;
  try {
    let pf: PagefindApi;
    [pf, queryVariants] = await Promise.all([loadPagefind(f), variantsFor(f, request.q)]);
    performance.mark('kfjz:pagefind-ready');
    results = (await searchArchive(pf, request, queryVariants, f.dataset.newestYear)) ?? [];
    performance.mark('kfjz:results-found');
  } catch (error) {
    if (run === current) status.textContent = '搜索暂时无法使用，请稍后再试，或按期浏览往期。';
    throw error;
  }
  if (run !== current) return;
  // Whether an issue Pagefind found may turn out to hold no piece that matches alone.
  const narrowing = pieceLevelNarrowing(searchRuns(request.q).length, request.filters);
  let loaded = 0;
  let found = 0;
  let issuesWithPieces = 0;
  /** Pieces found and not yet shown. */
  const waiting: PieceResult[] = [];
  /** Loads the next issues, as many as should yield `wanted` more pieces at the rate seen so far. */
  const loadIssues = async (wanted: number) => {
    // An issue yields pieces at the rate seen so far (at first: guess FIRST_ISSUES).
    const rate = loaded === 0 ? 0 : found / loaded;
    const batch = rate === 0 ? FIRST_ISSUES : Math.min(10, Math.ceil(wanted / rate));
    const fragments = await Promise.all(results.slice(loaded, loaded + batch).map((r) => r.data()));
    loaded += fragments.length;
    if (run !== current) return;
    const perIssue = fragments.map((d) => matchingPieces(d, request.q, request.filters, queryVariants));
    issuesWithPieces += perIssue.filter((p) => p.length > 0).length;
    for (const pieces of perIssue) waiting.push(...pieces);
    found += perIssue.reduce((n, p) => n + p.length, 0);
  };
  let shown = 0;
  let marked = false;
  /**
   * The next PAGE_SIZE results, each batch of issues shown as soon as it is read: when issues
   * hold one matching piece each, the first results stand on the page before the tenth is found.
   */
  const showMore = async () => {
    const until = shown + PAGE_SIZE;
    const from = loaded;
    for (;;) {
      if (waiting.length === 0 && loaded < results.length) await loadIssues(until - shown);
      if (run !== current) return;
      const next = waiting.splice(0, until - shown);
      list.append(...next.map((p) => resultItem(p, request.q, queryVariants)));
      shown += next.length;
      const allLoaded = loaded >= results.length;
      // A filtered search may find many issues where no single piece matches: after
      // SEARCH_AHEAD issues without a result the reader decides whether to look further.
      const pause = !allLoaded && waiting.length === 0 && shown < until && loaded - from >= SEARCH_AHEAD;
      const done = shown >= until || (allLoaded && waiting.length === 0) || pause;
      more.hidden = !done || (allLoaded && waiting.length === 0);
      // After a stop with nothing to show, the button looks further rather than shows more.
      more.textContent = pause && shown === 0 ? '继续查找' : '显示更多结果';
      if (pause && shown === 0) {
        status.textContent = `找到约 ${results.length} 期，已查看前 ${loaded} 期，其中还没有一篇文章或报道单独符合全部条件。`;
      } else if (shown > 0 || done)
        status.textContent =
          shown === 0
            ? `没有找到${request.q ? `包含“${request.q}”的` : ''}文章。`
            : allLoaded
              ? `找到 ${found} 篇文章与报道${issuesWithPieces > 1 ? `，分属 ${issuesWithPieces} 期` : ''}${found > shown ? `，显示前 ${shown} 篇` : ''}。`
              : `找到${narrowing ? '约' : ''} ${results.length} 期，显示前 ${shown} 篇文章与报道${done ? '' : '（续载中）'}。`;
      // The benchmark's "first results on the page": once per search.
      if (!marked && (shown > 0 || done)) {
        marked = true;
        performance.mark('kfjz:results-shown');
      }
      if (done) return;
    }
  };
  more.onclick = () => void showMore();
  await showMore();
}

if (form) {
  const fromUrl = () => requestFromParams(new URLSearchParams(location.search));
  const submit = () => {
    const request = readForm(form);
    const search = paramsFromRequest(request).toString();
    if (`?${search}` !== location.search) history.pushState(null, '', search ? `?${search}` : location.pathname);
    void run(form, request);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLSelectElement)) return;
    // Another year: its own issues, none chosen yet.
    if (event.target.name === 'year') void offerIssuesOf(form, event.target.value);
    submit();
  });
  window.addEventListener('popstate', () => {
    const request = fromUrl();
    fillForm(form, request);
    void run(form, request);
  });
  const initial = fromUrl();
  fillForm(form, initial);
  void run(form, initial);
}
