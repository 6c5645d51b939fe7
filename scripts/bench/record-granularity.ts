/**
 * `npm run bench:records -- <built archive> [--json]`
 *
 * What one Pagefind page per issue would change, measured on an archive already built (for
 * instance a synthetic one kept by `npm run bench -- --issues 1000 --keep`): the same issue pages
 * are indexed twice into temporary bundles, as the archive does (one Pagefind page per article and
 * city report, src/lib/search/record-document.ts) and as one page per issue (each piece's heading
 * and text tokens under an `<h2 id=anchor>`, no other meta), and the script prints for each: the
 * indexing time, the documents' size, the metadata every first search loads, the fragments
 * (median and total) and the index chunks, and how long Pagefind's own search takes in Node for
 * a few queries (first run, which loads the index chunks, then warm, chunks loaded). An
 * experiment for a design decision: the archive does not build this way, and the per-issue
 * bundle carries none of the per-piece facts (titles, excerpts, filters) it would need.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { recordDocument } from '#lib/search/record-document.ts';
import { articlesOf, extractSearchRecords, type ExtractedRecord } from '#lib/search/records-from-html.ts';
import { indexTokens, pagefindQueries } from '#lib/search/tokens.ts';
import { serveStatic } from '../../tests/support/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false } },
});
const dist = positionals[0];
if (!dist || !existsSync(join(dist, 'issues'))) {
  console.error(
    'usage: npm run bench:records -- <built archive, e.g. a dist/ kept by npm run bench -- --keep> [--json]',
  );
  process.exit(1);
}

/** The queries of the search benchmark that cost Pagefind most, and one that costs little. */
const QUERIES = ['开发区', '项目建设', '金湘军', '签约', '康佳'];

/** Each issue page's records, as the archive's search index reads them. */
function issuePages(): { path: string; records: ExtractedRecord[] }[] {
  const pages = [];
  for (const year of readdirSync(join(dist as string, 'issues')).filter((y) => /^\d{4}$/.test(y)))
    for (const number of readdirSync(join(dist as string, 'issues', year))) {
      const file = join(dist as string, 'issues', year, number, 'index.html');
      if (!existsSync(file)) continue;
      const articles = articlesOf(readFileSync(file, 'utf8'));
      if (articles !== undefined)
        pages.push({ path: `/issues/${year}/${number}/`, records: extractSearchRecords(articles) });
    }
  return pages;
}

/** One Pagefind page per issue: every piece's heading and text tokens under its anchor. */
function issueDocument(records: readonly ExtractedRecord[]): string {
  const pieces = records.map(
    (r) => `<h2 id="${r.anchor}">${indexTokens(r.facets.heading.join('\n'))}</h2><p>${indexTokens(r.body)}</p>`,
  );
  return `<html><body><div data-pagefind-body>${pieces.join('')}</div></body></html>`;
}

const sizes = (dir: string) => readdirSync(dir).map((f) => statSync(join(dir, f)).size);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

async function indexAs(granularity: 'record' | 'issue', pages: ReturnType<typeof issuePages>, out: string) {
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let documents = 0;
  let bytes = 0;
  let pending: Promise<unknown>[] = [];
  const add = (url: string, content: string) => {
    documents++;
    bytes += Buffer.byteLength(content);
    pending.push(index.addHTMLFile({ url, content }));
  };
  for (const page of pages) {
    if (granularity === 'issue') add(page.path, issueDocument(page.records));
    else for (const r of page.records) add(`${page.path}#${r.anchor}`, recordDocument(r));
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await index.writeFiles({ outputPath: join(out, 'pagefind') });
  await index.deleteIndex();
  const seconds = (performance.now() - started) / 1000;
  const bundle = join(out, 'pagefind');
  const meta = readdirSync(bundle).find((f) => f.endsWith('.pf_meta'));
  const fragments = sizes(join(bundle, 'fragment'));
  const chunks = sizes(join(bundle, 'index'));
  return {
    granularity,
    documents,
    documentBytes: bytes,
    indexSeconds: Math.round(seconds * 10) / 10,
    metaBytes: meta ? statSync(join(bundle, meta)).size : 0,
    fragmentMedianBytes: median(fragments),
    fragmentTotalBytes: sum(fragments),
    indexChunkBytes: sum(chunks),
    search: await searchTimes(out),
  };
}

/** Pagefind's browser API in Node on the bundle: each query's hits, first run and warm (median of 3) ms. */
async function searchTimes(root: string) {
  const server = await serveStatic(root);
  try {
    const mod = await import(`${pathToFileURL(join(root, 'pagefind', 'pagefind.js')).href}?${Date.now()}`);
    await mod.options({ basePath: new URL('pagefind/', server.url).href, baseUrl: '/' });
    await mod.init();
    const out: Record<string, { hits: number; firstMs: number; warmMs: number }> = {};
    for (const query of QUERIES) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < 4; i++) {
        const started = performance.now();
        for (const { match, rank } of pagefindQueries(query)) {
          hits = (await mod.search(match)).results.length;
          if (rank !== undefined) await mod.search(rank);
        }
        times.push(performance.now() - started);
      }
      const [first = 0, ...warm] = times;
      out[query] = { hits, firstMs: Math.round(first), warmMs: Math.round(median(warm)) };
    }
    await mod.destroy?.();
    return out;
  } finally {
    await server.close();
  }
}

const pages = issuePages();
const work = mkdtempSync(join(tmpdir(), 'kfjz-granularity-'));
try {
  const results = [];
  for (const granularity of ['record', 'issue'] as const) {
    console.error(`indexing ${pages.length} issue pages, one Pagefind page per ${granularity}…`);
    results.push(await indexAs(granularity, pages, join(work, granularity)));
  }
  await pagefind.close();
  if (values.json) console.log(JSON.stringify({ issues: pages.length, results }, null, 2));
  else
    for (const r of results) {
      console.log(
        `one page per ${r.granularity}: ${r.documents} documents (${(r.documentBytes / 1e6).toFixed(1)} MB), indexed in ${r.indexSeconds} s; metadata ${(r.metaBytes / 1000).toFixed(1)} KB; fragments median ${(r.fragmentMedianBytes / 1000).toFixed(1)} KB, total ${(r.fragmentTotalBytes / 1e6).toFixed(1)} MB; index chunks ${(r.indexChunkBytes / 1e6).toFixed(1)} MB`,
      );
      for (const [q, s] of Object.entries(r.search))
        console.log(`  ${q}: ${s.hits} hits, first ${s.firstMs} ms, warm ${s.warmMs} ms`);
    }
} finally {
  rmSync(work, { recursive: true, force: true });
}
