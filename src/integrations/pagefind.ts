/**
 * The search index, built after the pages (`astro:build:done`) through Pagefind's Node API.
 *
 * One Pagefind page per issue, holding its articles and city reports as pieces: Pagefind finds
 * the issues, the search page keeps the pieces that match alone (src/lib/search/pieces.ts), so
 * a result still leads to `/issues/2024/18/#xinzhou` and the city, kind and round filters still
 * describe that piece. What an issue's page holds is src/lib/search/issue-document.ts.
 *
 * Two bundles (src/lib/search/bundles.ts): the newest year at `pagefind/`, indexed every build,
 * and the closed years at `pagefind/closed/`, reused from the cache while their articles and
 * the code that indexes them are unchanged (adding an issue does not re-index twenty years).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFragment } from 'parse5';
import * as pagefind from 'pagefind';
import { CLOSED_BUNDLE, PRIMARY_BUNDLE, searchBundles } from '#lib/search/bundles.ts';
import { issueDocument } from '#lib/search/issue-document.ts';
import { articlesOf, extractPieces, type ExtractedPiece } from '#lib/search/pieces-from-html.ts';
import { codeVersion } from '#lib/source/code-version-fs.ts';
import { cacheDirFor } from './cache-dir.ts';
import { recordTiming } from './timings.ts';

/**
 * Postings per index chunk (Pagefind's default 20 000). A query fetches the chunks holding its
 * bigrams, one chunk per bigram at worst; smaller chunks cut what a first search downloads
 * (median 60 → 27 KB at 200 issues) for a longer chunk list in the metadata (+4 KB). Pagefind
 * reads it from the environment of the service it starts ("unstable": re-check on upgrades).
 */
const INDEX_CHUNK_SIZE = '5000';

/** Issues handed to Pagefind at once: enough to keep its service busy, few enough to bound memory. */
const BATCH = 16;

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

/** A built page holding records: its path and the stretch of HTML its records come from. */
interface RecordPage {
  path: string;
  articles: string;
  year: number;
}

/** The issue year of a page's records, read from its first record's facts without parsing the rest. */
function yearOf(articles: string, path: string): number {
  const open = parseFragment(articles.slice(0, articles.indexOf('>') + 1)).childNodes[0];
  const raw = open && 'attrs' in open ? open.attrs.find((a) => a.name === 'data-search')?.value : undefined;
  const year = raw === undefined ? undefined : (JSON.parse(raw) as { year?: unknown }).year;
  if (typeof year !== 'number')
    throw new Error(`${path}: the first <article data-pagefind-body> has no year in data-search`);
  return year;
}

/**
 * What a cached bundle depends on besides its pages: the code that turns pages into records
 * (src/lib/search, this file) and, through the lockfile, the Pagefind and OpenCC versions. Any
 * change re-indexes.
 */
const SEARCH_CODE = ['src/lib/search', 'src/integrations/pagefind.ts'];

/** One bundle's key: the code version and, page by page, its path and articles. */
function bundleKey(version: string, pages: readonly RecordPage[]): string {
  const hash = createHash('sha256').update(version);
  for (const p of pages) hash.update(`\0${p.path}\0`).update(p.articles);
  return hash.digest('hex').slice(0, 32);
}

/** Index the issues of `pages` into a Pagefind bundle at `outputPath`; the number of pieces they hold. */
async function writeBundle(pages: readonly RecordPage[], outputPath: string): Promise<number> {
  const { index } = assertOk(await pagefind.createIndex({}), 'createIndex');
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let records = 0;
  let pending: Promise<unknown>[] = [];
  for (const page of pages) {
    let found: ExtractedPiece[];
    try {
      found = extractPieces(page.articles);
    } catch (error) {
      throw new Error(`reading the articles of ${page.path}`, { cause: error });
    }
    records += found.length;
    pending.push(
      index
        .addHTMLFile({ url: page.path, content: issueDocument(found) })
        .then((r) => assertOk(r, `adding ${page.path}`)),
    );
    if (pending.length >= BATCH) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  assertOk(await index.writeFiles({ outputPath }), 'writeFiles');
  await index.deleteIndex();
  return records;
}

/**
 * `from`'s files at `to`, as hard links where the file system allows (a bundle is some 2000 files
 * that nothing rewrites in place; linking them costs a rebuild a fraction of copying), else copied.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
  }
}

/** Puts a cached bundle into place; false if it vanished meanwhile (another build pruned it). */
function copied(from: string, to: string): boolean {
  try {
    linkTree(from, to);
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}

/** Bundles kept in the cache: the newest few, so builds of other archives (tests, benchmarks) do not evict each other at once. */
const KEEP = 3;

/** Stores a freshly written bundle under its key; a half-written copy never takes the name. */
function keep(bundle: string, cached: string, cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.tmp-${process.pid}`;
  cpSync(bundle, tmp, { recursive: true });
  rmSync(cached, { recursive: true, force: true });
  renameSync(tmp, cached);
  const entries = readdirSync(cacheDir)
    .filter((e) => e.startsWith('closed-') && !e.includes('.tmp-'))
    .map((e) => ({ path: join(cacheDir, e), mtime: statSync(join(cacheDir, e)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(KEEP)) rmSync(old.path, { recursive: true, force: true });
}

export interface SearchIndexOptions {
  /** The project root: where the code that indexes lives (for the cache key). */
  root: string;
  /** Where reusable bundles are kept between builds; none: index everything. */
  cacheDir?: string | undefined;
}

/** Index every record of the built site in `dir` into `dir/pagefind/` (and `dir/pagefind/closed/`). */
export async function buildSearchIndex(
  dir: string,
  pathnames: readonly string[],
  logger: AstroIntegrationLogger,
  { root, cacheDir }: SearchIndexOptions,
): Promise<{ pages: number; records: number; reused: boolean }> {
  const started = performance.now();
  logger.info('building the search index…');
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= INDEX_CHUNK_SIZE;
  try {
    const pages: RecordPage[] = [];
    for (const pathname of [...pathnames].sort()) {
      const file = htmlFile(dir, pathname);
      if (!existsSync(file)) continue;
      const articles = articlesOf(readFileSync(file, 'utf8'));
      const path = `/${pathname.replace(/^\/+/, '')}`;
      if (articles !== undefined) pages.push({ path, articles, year: yearOf(articles, path) });
    }
    const [newest, closed] = searchBundles(pages.map((p) => p.year));
    const inBundle = (years: readonly number[] = []) => pages.filter((p) => years.includes(p.year));
    let records = await writeBundle(inBundle(newest?.years), join(dir, PRIMARY_BUNDLE));
    let reused = false;
    if (closed) {
      const closedPages = inBundle(closed.years);
      const target = join(dir, CLOSED_BUNDLE);
      const cached = cacheDir && join(cacheDir, `closed-${bundleKey(codeVersion(root, SEARCH_CODE), closedPages)}`);
      reused = cached !== undefined && existsSync(cached) && copied(cached, target);
      if (!reused) {
        records += await writeBundle(closedPages, target);
        if (cached && cacheDir) keep(target, cached, cacheDir);
      }
    }
    const ms = performance.now() - started;
    logger.info(
      `search index: ${pages.length} issues; ${records} articles and city reports indexed${reused ? ` (the newest year's), closed years (${closed?.years[0]}–${closed?.years.at(-1)}) reused from the cache` : ''}, in ${seconds(ms)}`,
    );
    recordTiming('pagefind', ms, { records, reused: reused ? 1 : 0 });
    return { pages: pages.length, records, reused };
  } catch (error) {
    throw new Error('building the search index failed', { cause: error });
  } finally {
    await pagefind.close();
  }
}

export function pagefindSearch(): AstroIntegration {
  let root = '';
  return {
    name: 'kfjz:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        await buildSearchIndex(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          logger,
          { root, cacheDir: cacheDirFor(root, 'search') },
        );
      },
    },
  };
}
