/**
 * The search page's behaviour: URL → form → Pagefind → result list, and every change the
 * reader makes → a new history entry. Pagefind (`/pagefind/pagefind.js`) loads on the first
 * search. Results are built as DOM nodes from text (no HTML strings), excerpts from the
 * record's text around the first match.
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
import { excerpt } from '#lib/search/tokens.ts';
import type { Variants } from '#lib/search/variants.ts';

const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('#archive-search');
const status = document.querySelector<HTMLElement>('#archive-search-status');
const list = document.querySelector<HTMLOListElement>('#archive-search-results');
const more = document.querySelector<HTMLButtonElement>('#archive-search-more');

interface Engine {
  pagefind: PagefindApi;
  variants: Variants;
}

let engine: Promise<Engine> | undefined;
/** Pagefind and the traditional → simplified table, both loaded with the first search. */
function loadEngine(base: string): Promise<Engine> {
  engine ??= Promise.all([
    import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf) => {
      await pf.options({ basePath: `${base}pagefind/`, baseUrl: base });
      return pf as PagefindApi;
    }),
    import('#lib/search/variants.ts').then((m) => m.simplifiedVariants()),
  ]).then(([pagefind, variants]) => ({ pagefind, variants }));
  return engine;
}

function readForm(f: HTMLFormElement): SearchRequest {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(f)) if (typeof value === 'string') params.set(key, value);
  return requestFromParams(params);
}

function fillForm(f: HTMLFormElement, request: SearchRequest): void {
  const q = f.elements.namedItem('q');
  if (q instanceof HTMLInputElement) q.value = request.q;
  for (const key of FILTER_KEYS) {
    const select = f.elements.namedItem(key);
    if (select instanceof HTMLSelectElement) select.value = request.filters[key] ?? '';
  }
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

async function resultItem(result: PagefindResult, query: string, variants: Variants): Promise<HTMLLIElement> {
  const { url, meta } = await result.data();
  const li = element('li');
  const heading = element('h2');
  const link = element('a');
  link.href = url;
  // A match in the heading (a city report's figures often stand there) is highlighted too.
  const title = meta.title ?? url;
  for (const part of excerpt(title, query, [...title].length, variants).parts)
    link.append(part.mark ? element('mark', undefined, part.text) : part.text);
  heading.append(link);
  const facts = [meta.issue, meta.page && `${meta.page}版`, meta.kind, meta.city, meta.date].filter(Boolean);
  li.append(heading, element('p', 'archive-search__meta', facts.join(' · ')));
  const text = meta.text ?? '';
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
  let results: PagefindResult[];
  let variants: Variants;
  try {
    const loaded = await loadEngine(f.dataset.base ?? '/');
    variants = loaded.variants;
    results = (await searchArchive(loaded.pagefind, request, variants)) ?? [];
  } catch (error) {
    if (run === current) status.textContent = '搜索暂时无法使用，请稍后再试，或按期浏览往期。';
    throw error;
  }
  if (run !== current) return;
  let shown = 0;
  const showMore = async () => {
    const batch = await Promise.all(
      results.slice(shown, shown + PAGE_SIZE).map((r) => resultItem(r, request.q, variants)),
    );
    if (run !== current) return;
    list.append(...batch);
    shown += batch.length;
    more.hidden = shown >= results.length;
    status.textContent =
      results.length === 0
        ? `没有找到${request.q ? `包含“${request.q}”的` : ''}文章。`
        : `找到 ${results.length} 篇文章与报道${results.length > shown ? `，显示前 ${shown} 篇` : ''}。`;
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
    if (event.target instanceof HTMLSelectElement) submit();
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
