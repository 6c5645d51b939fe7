/**
 * The search index, built after the pages (`astro:build:done`) through Pagefind's Node API.
 *
 * One Pagefind record per article and city report, not per issue page: a result leads to
 * `/issues/2024/18/#xinzhou`, and the city, kind and round filters describe that piece alone
 * (an issue page holds six cities; as one record, filtering by 忻州 would return 阳泉's report
 * too). Each record is a small HTML document: the heading's search tokens (weighted), the body's
 * tokens, and the facts a result shows as Pagefind metadata — the reader-visible text among them,
 * from which the search page cuts its excerpt. The tokens come from src/lib/search/tokens.ts, with
 * traditional characters read as simplified (src/lib/search/variants.ts).
 *
 * Under `astro dev` the index of the last build (dist/pagefind/) is served at /pagefind/, so
 * search works in development after one `npm run build`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { appendFileSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { cityBySlug } from '#data/cities.ts';
import { extractSearchRecords, type ExtractedRecord } from '#lib/search/records-from-html.ts';
import { issueOrder } from '#lib/search/record.ts';
import { indexTokens } from '#lib/search/tokens.ts';
import { simplifiedVariants } from '#lib/search/variants.ts';

/** Pagefind's own weight for heading words is 1 for body words; the printed heading counts more. */
const HEADING_WEIGHT = 4;
/** Records handed to Pagefind at once: enough to keep its service busy, few enough to bound memory. */
const BATCH = 64;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value Pagefind reads from an attribute: `<span data-pagefind-meta="title[data-v]" data-v="…">`. */
const field = (kind: 'meta' | 'filter' | 'sort', key: string, value: string) =>
  `<span data-pagefind-${kind}="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`;

/** The document Pagefind indexes for one article or city report found at `path` (a site path). */
export function recordDocument(record: ExtractedRecord): string {
  const f = record.facets;
  const variants = simplifiedVariants();
  const cityNames = f.cities.map((c) => cityBySlug(c)?.name ?? c);
  const fields = [
    field('meta', 'title', f.title),
    field('meta', 'issue', f.issueLabel),
    field('meta', 'kind', f.kind),
    field('meta', 'text', record.body),
    ...(f.date === undefined ? [] : [field('meta', 'date', f.date)]),
    ...(f.page === undefined ? [] : [field('meta', 'page', f.page)]),
    ...(cityNames.length > 0 ? [field('meta', 'city', cityNames.join('、'))] : []),
    ...f.cities.map((c) => field('filter', 'city', c)),
    field('filter', 'year', String(f.year)),
    field('filter', 'issue', f.issue),
    field('filter', 'kind', f.kind),
    ...f.rounds.map((r) => field('filter', 'round', r)),
    field('sort', 'date', issueOrder(f)),
  ];
  // No lang: the tokens are no language, and Pagefind would run its Chinese word segmenter over
  // them for nothing (adding records took 40% longer with lang="zh-CN"); the search page then
  // also skips the browser's segmenter, which the tokens do not need.
  return `<html><body><div data-pagefind-body><p data-pagefind-weight="${HEADING_WEIGHT}">${indexTokens(f.heading.join('\n'), variants)}</p><p>${indexTokens(record.body, variants)}</p></div>${fields.join('')}</body></html>`;
}

/** The site path of a built page (`issues/2024/18/`) → its HTML file in `dir`. */
function htmlFile(dir: string, pathname: string): string {
  const clean = pathname.replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? join(dir, clean, 'index.html') : join(dir, `${clean}.html`);
}

function assertOk<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}

const seconds = (ms: number) => (ms < 750 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** Index every record of the built site in `dir` into `dir/pagefind/`. */
export async function buildSearchIndex(
  dir: string,
  pathnames: readonly string[],
  logger: AstroIntegrationLogger,
): Promise<{ pages: number; records: number }> {
  const started = performance.now();
  logger.info('building the search index…');
  try {
    const { index } = assertOk(await pagefind.createIndex({}), 'createIndex');
    if (!index) throw new Error('Pagefind createIndex returned no index');
    let pages = 0;
    let records = 0;
    let pending: Promise<unknown>[] = [];
    for (const pathname of pathnames) {
      const file = htmlFile(dir, pathname);
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      let found: ExtractedRecord[];
      try {
        found = extractSearchRecords(html);
      } catch (error) {
        throw new Error(`reading the articles of /${pathname}`, { cause: error });
      }
      pages++;
      const path = `/${pathname.replace(/^\/+/, '')}`;
      for (const record of found) {
        const url = `${path}#${record.anchor}`;
        pending.push(
          index.addHTMLFile({ url, content: recordDocument(record) }).then((r) => assertOk(r, `adding ${url}`)),
        );
        records++;
        if (pending.length >= BATCH) {
          await Promise.all(pending);
          pending = [];
        }
      }
    }
    await Promise.all(pending);
    logger.info(`indexed ${records} articles and city reports from ${pages} pages`);
    assertOk(await index.writeFiles({ outputPath: join(dir, 'pagefind') }), 'writeFiles');
    const ms = performance.now() - started;
    logger.info(`search index written to pagefind/ in ${seconds(ms)}`);
    // Benchmarks (scripts/bench) read how long this step took.
    if (process.env.KFJZ_TIMINGS_FILE)
      appendFileSync(
        process.env.KFJZ_TIMINGS_FILE,
        `${JSON.stringify({ step: 'pagefind', seconds: ms / 1000, records })}\n`,
      );
    return { pages, records };
  } catch (error) {
    throw new Error('building the search index failed', { cause: error });
  } finally {
    await pagefind.close();
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export function pagefindSearch(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'kfjz:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        await buildSearchIndex(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          logger,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = normalize(join(outDir, 'pagefind') + sep);
        let warned = false;
        server.middlewares.use(`${base}pagefind/`, (req, res, next) => {
          let file = '';
          try {
            file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
          } catch {
            // A malformed address is not ours to answer.
          }
          if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
            if (!existsSync(root) && !warned) {
              warned = true;
              logger.warn(`search has no index to serve: run \`npm run build\` once (it writes ${root})`);
            }
            next();
            return;
          }
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
