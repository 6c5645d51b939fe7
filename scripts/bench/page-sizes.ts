/**
 * `npm run bench:pages -- --issues 100,1000 [--json] [--top K] [--keep]`
 * For each N: generates N synthetic issues (labelled synthetic), builds the archive on them and
 * prints the largest pages that are not an issue's own page, the largest page of each kind, and
 * the feeds and sitemaps, so that growth with the archive can be read across the N given.
 * The rule it reports on (issue 11): at N = 1000 every page but an issue's own is at most
 * 100 KB of HTML and grows sub-linearly with N. Then it adds issue N + 1, rebuilds with the same
 * incremental cache and counts the pages Astro rendered again rather than reused (by each
 * page's `cacheKey`), by kind. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive } from '../../tests/fixtures/synthetic/generate.ts';
import { buildCwd, withBuildLock } from '../../tests/support/build-site.ts';
import { listFiles } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100,1000' },
    top: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.issues.split(',').map(Number);
const top = Number(values.top);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(top) || top < 1) {
  console.error('usage: npm run bench:pages -- --issues 100,1000 [--top K] [--json] [--keep]');
  process.exit(1);
}
const log = (line: string) => (values.json ? console.error(line) : console.log(line));

/** The rule's limit: 100 KB of HTML. */
const LIMIT = 100_000;

/** What kind of page a built file is, by its path in dist/. Issue pages are the rule's exception. */
function pageKind(file: string): string {
  const kinds: [RegExp, string][] = [
    [/^index\.html$/, 'home'],
    [/^issues\/index\.html$/, '往期 overview'],
    [/^issues\/\d{4}\/index\.html$/, '往期 year'],
    [/^issues\/\d{4}\/\d+\/index\.html$/, 'issue'],
    [/^cities\/index\.html$/, 'cities'],
    [/^cities\/[^/]+\/index\.html$/, 'city'],
    [/^cities\/[^/]+\/\d{4}\/index\.html$/, 'city year'],
    [/^cities\/[^/]+\/\d+\/index\.html$/, 'city page'],
    [/^rounds\/index\.html$/, 'rounds'],
    [/^rounds\/[^/]+\/index\.html$/, 'round'],
    [/^search\//, 'search'],
    [/^data\//, 'data'],
    [/^rss\.xml$/, 'feed'],
    [/^cities\/[^/]+\/rss\.xml$/, 'city feed'],
    [/^sitemap/, 'sitemap'],
  ];
  return kinds.find(([re]) => re.test(file))?.[1] ?? 'other';
}

interface Page {
  file: string;
  kind: string;
  bytes: number;
}

interface Measurement {
  issues: number;
  pages: number;
  /** Issue pages: the rule's exception. */
  issuePages: number;
  /** The largest HTML pages that are not an issue's page, largest first. */
  largest: Page[];
  /** Per kind of page or file: how many, and the largest. */
  kinds: Record<string, { count: number; largest: Page }>;
  /** Non-issue HTML pages over the limit. */
  overLimit: number;
  /** After adding one issue: files Astro rendered again, by kind, and how many it reused. */
  rerendered: { byKind: Record<string, number>; total: number; reused: number };
}

/**
 * Build the corpus in `work` with Astro's own cache folder there, from a working folder of its
 * own (`buildCwd`) and under the build lock, so this never reuses or disturbs another build;
 * returns Astro's log.
 */
function build(work: string, cwd: string): string {
  const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(root)}, outDir: ${JSON.stringify(join(work, 'dist'))}, cacheDir: ${JSON.stringify(join(work, 'cache'))}, logLevel: 'info' });`;
  return withBuildLock(() =>
    execFileSync(join(root, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 256 * 1024 * 1024,
      // The build's own caches (content check, search records) live in work/ too, shared by the rebuild.
      env: {
        ...process.env,
        KFJZ_CONTENT_DIR: join(work, 'corpus'),
        KFJZ_CACHE_DIR: join(work, 'kfjz-cache'),
        NO_COLOR: '1',
      },
    }).toString(),
  );
}

/** Files Astro rendered (`├─ /x/index.html (+12ms)`) rather than reused (`(cached)`, `(restored)`). */
function rerendered(log: string): Measurement['rerendered'] {
  const byKind: Record<string, number> = {};
  let total = 0;
  let reused = 0;
  // Astro colours its log even when told not to (NO_COLOR); the escapes are stripped first.
  for (const m of log.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/├─ \/(\S+)(.*)$/gm)) {
    const [, file = '', rest = ''] = m;
    if (/\((cached|restored)\)/.test(rest)) {
      reused++;
      continue;
    }
    const kind = pageKind(file);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    total++;
  }
  return { byKind, total, reused };
}

function measure(n: number, dist: string): Omit<Measurement, 'rerendered'> {
  const files = listFiles(dist)
    .map((f) => relative(dist, f).split(sep).join('/'))
    .filter((f) => f.endsWith('.html') || f.endsWith('.xml'))
    .map((file): Page => ({ file, kind: pageKind(file), bytes: statSync(join(dist, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const html = files.filter((p) => p.file.endsWith('.html'));
  const others = html.filter((p) => p.kind !== 'issue');
  const kinds: Measurement['kinds'] = {};
  for (const p of files) {
    const k = kinds[p.kind];
    if (k) k.count++;
    else kinds[p.kind] = { count: 1, largest: p };
  }
  return {
    issues: n,
    pages: html.length,
    issuePages: html.length - others.length,
    largest: others.slice(0, top),
    kinds,
    overLimit: others.filter((p) => p.bytes > LIMIT).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function print(results: Measurement[]) {
  for (const r of results) {
    console.log(`\n${r.issues} synthetic issues: ${r.pages} HTML pages, ${r.issuePages} of them issue pages`);
    console.log(`largest pages that are not an issue's page (limit ${kb(LIMIT)}; over it: ${r.overLimit}):`);
    for (const p of r.largest) console.log(`  ${kb(p.bytes).padStart(10)}  ${p.kind.padEnd(14)} /${p.file}`);
    const kinds = Object.entries(r.rerendered.byKind).map(([k, c]) => `${k} ${c}`);
    console.log(
      `after adding issue ${r.issues + 1}: ${r.rerendered.total} files rendered again (${kinds.join(', ')}), ${r.rerendered.reused} reused`,
    );
  }
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.kinds)))];
  console.log(`\nlargest of each kind (count), by N:`);
  console.log(`  ${'kind'.padEnd(14)}${results.map((r) => `N = ${r.issues}`.padStart(22)).join('')}`);
  for (const kind of kinds) {
    const cells = results.map((r) => {
      const k = r.kinds[kind];
      return (k ? `${kb(k.largest.bytes)} (${k.count})` : '—').padStart(22);
    });
    console.log(`  ${kind.padEnd(14)}${cells.join('')}`);
  }
}

const results: Measurement[] = [];
for (const n of sizes) {
  const work = mkdtempSync(join(tmpdir(), `kfjz-pages-${n}-`));
  const cwd = buildCwd();
  try {
    const corpus = join(work, 'corpus');
    mkdirSync(corpus, { recursive: true });
    generateArchive({ dir: corpus, issues: n, seed: 18 });
    log(`building ${n} synthetic issues…`);
    build(work, cwd);
    const pages = measure(n, join(work, 'dist'));
    // Issue n + 1 is the file a full archive of n + 1 issues holds (generate.ts `only`).
    generateArchive({ dir: corpus, issues: n + 1, seed: 18, only: [n + 1] });
    log('rebuilding after adding one issue…');
    results.push({ ...pages, rerendered: rerendered(build(work, cwd)) });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    if (values.keep) console.error(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
if (values.json) console.log(JSON.stringify(results, null, 2));
else print(results);
