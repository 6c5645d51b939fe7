/**
 * Search cost in Chromium on a built archive: for 10 fixed queries, the bytes fetched and the
 * time until the search page shows its first results, cold (a fresh browser profile, nothing
 * cached) and warm (the next query typed into an open search page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

/** Fixed queries: company, project, person, figure, 2-character words, a phrase, a place. */
export const QUERIES = [
  '康佳',
  '阳泉陆港多式联运',
  '金湘军',
  '148.17',
  '签约',
  '新能源',
  '项目建设',
  '开发区',
  '文水经济开发区',
  '晋城',
];

/** What a fetched file is, for the breakdown of search bytes. */
export type ByteKind =
  'page' | 'css' | 'script' | 'pagefindRuntime' | 'wasm' | 'pagefindMeta' | 'index' | 'filter' | 'fragment' | 'other';

export function byteKind(pathname: string): ByteKind {
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'page';
  if (pathname.endsWith('.css')) return 'css';
  if (pathname.includes('/pagefind/')) {
    if (pathname.endsWith('.pf_index')) return 'index';
    if (pathname.endsWith('.pf_fragment')) return 'fragment';
    if (pathname.endsWith('.pf_filter')) return 'filter';
    if (pathname.endsWith('.pf_meta')) return 'pagefindMeta';
    if (pathname.includes('/wasm.')) return 'wasm';
    return 'pagefindRuntime';
  }
  if (pathname.endsWith('.js')) return 'script';
  return 'other';
}

interface Sample {
  query: string;
  /** Until the results stood on the page: from navigation (cold) or from the search's start (warm). */
  ms: number;
  /** The same, until the harness noticed them (adds Playwright's polling, a few to hundreds of ms). */
  seenMs: number;
  phases: ReturnType<typeof phases>;
  bytes: number;
  gzipBytes: number;
  pagefindBytes: number;
  byKind: Partial<Record<ByteKind, number>>;
  /** Requests the server answered, how many were for a bundle's entry file, and paths fetched more than once. */
  requests: number;
  entryRequests: number;
  repeated: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Bytes the server sends (files as stored: Pagefind's index is compressed already, HTML/CSS/JS
 * are not), and what a host that gzips text (as GitHub Pages, Netlify and nginx do) would send.
 */
function byteCounter(dist: string) {
  let bytes = 0;
  let gzipBytes = 0;
  let pagefindBytes = 0;
  let byKind: Partial<Record<ByteKind, number>> = {};
  /** Requests per path (queries stripped): a file fetched twice shows as 2. */
  let served = new Map<string, number>();
  const gzipped = new Map<string, number>();
  const TEXT: readonly ByteKind[] = ['page', 'css', 'script', 'pagefindRuntime'];
  const gzipSize = (pathname: string, size: number) => {
    const file = join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!gzipped.has(pathname))
      gzipped.set(pathname, existsSync(file) ? gzipSync(readFileSync(file), { level: 6 }).length : size);
    return gzipped.get(pathname) ?? size;
  };
  return {
    onServe: (pathname: string, size: number) => {
      bytes += size;
      if (pathname.includes('/pagefind/')) pagefindBytes += size;
      served.set(pathname, (served.get(pathname) ?? 0) + 1);
      const kind = byteKind(pathname);
      byKind[kind] = (byKind[kind] ?? 0) + size;
      gzipBytes += TEXT.includes(kind) && !pathname.endsWith('.json') ? gzipSize(pathname, size) : size;
    },
    reset: () => ((bytes = 0), (gzipBytes = 0), (pagefindBytes = 0), (byKind = {}), (served = new Map())),
    read: () => ({
      bytes,
      gzipBytes,
      pagefindBytes,
      byKind: { ...byKind },
      requests: [...served.values()].reduce((n, c) => n + c, 0),
      entryRequests: [...served].filter(([p]) => p.endsWith('/pagefind-entry.json')).reduce((n, [, c]) => n + c, 0),
      repeated: Object.fromEntries([...served].filter(([, c]) => c > 1)),
    }),
  };
}

/**
 * When the page's last search started and showed its first results (the search page's User
 * Timing marks, ms since navigation), and the time now, when the harness has noticed them.
 */
const marks = (page: Page) =>
  page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? Number.NaN;
    return {
      started: last('kfjz:search-start'),
      ready: last('kfjz:pagefind-ready'),
      found: last('kfjz:results-found'),
      shown: last('kfjz:results-shown'),
      now: performance.now(),
    };
  });

/** Where the time went: until the search started (page, script), Pagefind ready, results known, shown. */
const phases = (m: Awaited<ReturnType<typeof marks>>, from: number) => ({
  page: Math.round(m.started - from),
  pagefindReady: Math.round(m.ready - m.started),
  searched: Math.round(m.found - m.ready),
  shown: Math.round(m.shown - m.found),
});

const done = (page: Page) =>
  page
    .locator('#archive-search-status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor({ timeout: 30_000 });

/**
 * `latencyMs` adds that much to every request's round trip (Chromium's network emulation), as a
 * reader far from the host sees it: a chain of requests costs a round trip a link, which a local
 * server hides.
 */
export async function measureSearch(dist: string, { latencyMs = 0 }: { latencyMs?: number } = {}) {
  const counter = byteCounter(dist);
  const server = await serveStatic(dist, '/', counter.onServe);
  const browser = await launchChromium();
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  try {
    for (const [i, query] of QUERIES.entries()) {
      // Cold: a fresh profile opens /search/?q=… ; time from navigation start to results shown.
      const context = await browser.newContext();
      const page = await context.newPage();
      if (latencyMs > 0)
        await (
          await context.newCDPSession(page)
        ).send('Network.emulateNetworkConditions', {
          offline: false,
          latency: latencyMs,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      counter.reset();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await done(page);
      const cold0 = await marks(page);
      cold.push({
        query,
        ms: Math.round(cold0.shown),
        seenMs: Math.round(cold0.now),
        phases: phases(cold0, 0),
        ...counter.read(),
      });

      // Warm: the next query typed into the same page.
      const next = QUERIES[(i + 1) % QUERIES.length] as string;
      await page.evaluate(() => {
        const status = document.querySelector('#archive-search-status');
        if (status) status.textContent = '';
      });
      counter.reset();
      const t0 = await page.evaluate(() => performance.now());
      await page.fill('#archive-search input[name="q"]', next);
      await page.press('#archive-search input[name="q"]', 'Enter');
      await done(page);
      const warm0 = await marks(page);
      warm.push({
        phases: phases(warm0, warm0.started),
        query: next,
        ms: Math.round(warm0.shown - warm0.started),
        seenMs: Math.round(warm0.now - t0),
        ...counter.read(),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const summary = (xs: Sample[]) => ({
    medianMs: median(xs.map((x) => x.ms)),
    maxMs: Math.max(...xs.map((x) => x.ms)),
    medianSeenMs: median(xs.map((x) => x.seenMs)),
    /** Median ms of each phase: page until the search starts, loading Pagefind, searching, showing results. */
    medianPhasesMs: Object.fromEntries(
      (['page', 'pagefindReady', 'searched', 'shown'] as const).map((k) => [k, median(xs.map((x) => x.phases[k]))]),
    ),
    medianRequests: median(xs.map((x) => x.requests)),
    /** Entry files fetched per search (one per bundle when none is fetched twice). */
    medianEntryRequests: median(xs.map((x) => x.entryRequests)),
    /** Paths some search of the run fetched more than once, with the most times. */
    repeated: Object.fromEntries(
      [...new Set(xs.flatMap((x) => Object.keys(x.repeated)))].map((p) => [
        p,
        Math.max(...xs.map((x) => x.repeated[p] ?? 0)),
      ]),
    ),
    medianBytes: median(xs.map((x) => x.bytes)),
    maxBytes: Math.max(...xs.map((x) => x.bytes)),
    /** The same, had the host gzipped HTML, CSS and JavaScript. */
    medianGzipBytes: median(xs.map((x) => x.gzipBytes)),
    medianPagefindBytes: median(xs.map((x) => x.pagefindBytes)),
    maxPagefindBytes: Math.max(...xs.map((x) => x.pagefindBytes)),
    /** Median bytes of each kind of file (page, runtime, wasm, index chunks, fragments …). */
    medianBytesByKind: Object.fromEntries(
      [...new Set(xs.flatMap((x) => Object.keys(x.byKind) as ByteKind[]))].map((k) => [
        k,
        median(xs.map((x) => x.byKind[k] ?? 0)),
      ]),
    ),
  });
  return {
    queries: QUERIES,
    note: 'cold = fresh profile loading /search/?q= (page, CSS, JS, Pagefind and index), ms from navigation until the results stood on the page (its User Timing mark); warm = next query in the open page, ms from the search starting to its results; medianSeenMs = until the harness noticed; bytes as served, uncompressed HTML/CSS/JS',
    cold: summary(cold),
    warm: summary(warm),
    samples: { cold, warm },
  };
}
