/**
 * The search index, built after the pages (`astro:build:done`) through Pagefind's Node API.
 *
 * One Pagefind record per article and city report, not per issue page: a result leads to
 * `/issues/2024/18/#xinzhou`, and the city, kind and round filters describe that piece alone
 * (an issue page holds six cities; as one record, filtering by 忻州 would return 阳泉's report
 * too). What each record holds is src/lib/search/record-document.ts.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { recordDocument } from '#lib/search/record-document.ts';
import { extractSearchRecords, type ExtractedRecord } from '#lib/search/records-from-html.ts';
import { recordTiming } from './timings.ts';

/** Records handed to Pagefind at once: enough to keep its service busy, few enough to bound memory. */
const BATCH = 64;

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
    recordTiming('pagefind', ms, { records });
    return { pages, records };
  } catch (error) {
    throw new Error('building the search index failed', { cause: error });
  } finally {
    await pagefind.close();
  }
}

export function pagefindSearch(): AstroIntegration {
  return {
    name: 'kfjz:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        await buildSearchIndex(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          logger,
        );
      },
    },
  };
}
