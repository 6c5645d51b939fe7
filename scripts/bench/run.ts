/**
 * `npm run bench -- --issues N [--json] [--keep] [--skip-search] [--latency ms]`
 * Generates a synthetic archive of N issues (labelled synthetic) in a temporary folder and, on
 * that same corpus: builds this project and a bare Astro + MDX + Pagefind baseline; rebuilds
 * the project after adding one issue; measures page weight, and search cost in Chromium on both
 * (this project's search page against bare Pagefind's; `--latency` adds a round-trip time to
 * every request of the search measurements).
 * Prints figures; asserts nothing (targets are judged by people, from the figures).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive } from '../../tests/fixtures/synthetic/generate.ts';
import { writeBaseline } from './baseline.ts';
import { countPages, kib, mib, pageWeight, run, sizeOf, type RunResult } from './measure.ts';
import { measureSearch } from './search-cost.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
    latency: { type: 'string', default: '0' },
  },
});
const n = Number(values.issues);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npm run bench -- --issues N [--json] [--keep] [--skip-search] [--latency ms]');
  process.exit(1);
}
const log = (line: string) => (values.json ? console.error(line) : console.log(line));
const work = mkdtempSync(join(tmpdir(), `kfjz-bench-${n}-`));
const corpus = join(work, 'corpus');
const projectOut = join(work, 'project-dist');
const baselineDir = join(work, 'baseline');
const timings = join(work, 'timings.jsonl');
mkdirSync(corpus);

const node = join(root, 'node_modules/.bin/node');
const astro = join(root, 'node_modules/.bin/astro');

/** Seconds the last `step` took: build steps append `{"step":"pagefind","seconds":…}` to KFJZ_TIMINGS_FILE. */
function stepSeconds(file: string, step: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const steps = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { step: string; seconds: number });
  return steps.filter((t) => t.step === step).at(-1)?.seconds;
}

const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);

/**
 * Where a build's time went, from its own log and timings: the content check, Vite's bundling of
 * the pages and every issue's MDX, rendering the pages, the search index.
 */
function buildSteps(output: string, timingsFile: string) {
  const log = output.replace(/\x1b\[[0-9;]*m/g, '');
  // Vite builds more than once (server, client); the longest is the one that bundles every page and MDX module.
  const vite = Math.max(
    0,
    ...[...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)/g)].map((m) => seconds(m[1] ?? '0', m[2] ?? 's')),
  );
  const render = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(ms|s)/.exec(log);
  const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 100) / 100);
  return {
    contentCheck: round(stepSeconds(timingsFile, 'content-check')),
    viteBundle: round(vite || undefined),
    renderPages: round(render ? seconds(render[1] ?? '0', render[2] ?? 's') : undefined),
    pagefind: round(stepSeconds(timingsFile, 'pagefind')),
  };
}

async function measure() {
  // 1. The corpus: N synthetic issues (each file says it is synthetic).
  generateArchive({ dir: corpus, issues: n, seed: 18 });
  // The build's caches (Astro's incremental build, content check, search index) start empty in
  // the run's own folder: the full build reuses nothing, the rebuild reuses what the full build left.
  const env = {
    KFJZ_CONTENT_DIR: corpus,
    KFJZ_OUT_DIR: projectOut,
    KFJZ_TIMINGS_FILE: timings,
    KFJZ_ASTRO_CACHE_DIR: join(work, 'astro-cache'),
    KFJZ_CACHE_DIR: join(work, 'kfjz-cache'),
  };

  // 2. Full build of this project, from empty caches so nothing is reused from earlier runs.
  log(`building the project on ${n} synthetic issues…`);
  const full = await run(node, [join(root, 'scripts/build.ts')], { cwd: root, env });
  const fullSteps = buildSteps(full.output, timings);

  // 3. Rebuild after adding one issue (issue n + 1, identical to what a full n + 1 archive holds).
  generateArchive({ dir: corpus, issues: n + 1, seed: 18, only: [n + 1] });
  log('rebuilding after adding one issue…');
  const rebuild = await run(node, [join(root, 'scripts/build.ts')], { cwd: root, env });
  const rebuildSteps = buildSteps(rebuild.output, timings);

  // 4. The bare baseline on the same corpus (n + 1 issues, as the project now has).
  writeBaseline(baselineDir, root, corpus);
  log('building the baseline…');
  const baseline = await run(astro, ['build', '--silent'], { cwd: baselineDir });

  // 5. Sizes, page weight, search cost.
  const project = { ...figures(full, projectOut, n, fullSteps.pagefind), steps: fullSteps };
  const base = figures(baseline, join(baselineDir, 'dist'), n + 1);
  const weights: Record<string, ReturnType<typeof pageWeight> | { error: string }> = {};
  for (const [name, path] of [
    ['issue', newestIssuePath()],
    ['city', '/cities/xinzhou/'],
    ['search', '/search/'],
  ] as const) {
    weights[name] = safeWeight(projectOut, path);
  }
  log('measuring search in Chromium…');
  const search = values['skip-search']
    ? undefined
    : await measureSearch(projectOut, { latencyMs: Number(values.latency) });
  // Bare Pagefind on the same issues (the baseline's /search/, baseline.ts): what a first search costs without this project's index design.
  const baselineSearch = values['skip-search']
    ? undefined
    : await measureSearch(join(baselineDir, 'dist'), { latencyMs: Number(values.latency) });
  return {
    issues: n,
    machine: `${cpus().length} cores`,
    project,
    baseline: base,
    ratio: {
      time: round(full.seconds / baseline.seconds),
      peakRss: full.peakRssMiB && baseline.peakRssMiB ? round(full.peakRssMiB / baseline.peakRssMiB) : undefined,
    },
    rebuildAfterOneIssue: {
      seconds: round(rebuild.seconds),
      pagefindSeconds: rebuildSteps.pagefind,
      shareOfFullBuild: round(rebuild.seconds / full.seconds),
      steps: rebuildSteps,
    },
    pageWeight: weights,
    search,
    baselineSearch,
    searchRatio:
      search && baselineSearch
        ? {
            coldTime: round(search.cold.medianMs / baselineSearch.cold.medianMs),
            coldBytes: round(search.cold.medianBytes / baselineSearch.cold.medianBytes),
            coldGzipBytes: round(search.cold.medianGzipBytes / baselineSearch.cold.medianGzipBytes),
          }
        : undefined,
  };
}

type BenchResult = Awaited<ReturnType<typeof measure>>;

try {
  const result = await measure();
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printReport(result);
} finally {
  if (values.keep) console.error(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

function round(v: number) {
  return Math.round(v * 100) / 100;
}

function figures(r: RunResult, dist: string, issues: number, pagefindSeconds?: number) {
  const pages = countPages(dist);
  return {
    seconds: round(r.seconds),
    peakRssMiB: r.peakRssMiB === undefined ? undefined : round(r.peakRssMiB),
    pages,
    distBytes: sizeOf(dist),
    pagefindBytes: sizeOf(join(dist, 'pagefind')),
    pagefindSeconds: pagefindSeconds === undefined ? undefined : round(pagefindSeconds),
    msPerIssue: round((r.seconds * 1000) / issues),
  };
}

/** The newest issue page in the built project, e.g. `/issues/2024/18/`. */
function newestIssuePath(): string {
  const years = readdirSync(join(projectOut, 'issues'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const year = years.at(-1) ?? '';
  // Issue folders only: the year's page (issues/2024/index.html) sits beside them.
  const numbers = readdirSync(join(projectOut, 'issues', year))
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  return `/issues/${year}/${numbers.at(-1)}/`;
}

function safeWeight(dist: string, path: string) {
  try {
    return pageWeight(dist, path);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function printReport(r: BenchResult) {
  const row = (name: string, f: ReturnType<typeof figures>) =>
    `${name.padEnd(10)} ${`${f.seconds} s`.padStart(9)} ${f.peakRssMiB === undefined ? '       ?' : `${f.peakRssMiB.toFixed(0)} MiB`.padStart(9)} ${String(f.pages).padStart(6)} ${mib(f.distBytes).padStart(10)} ${mib(f.pagefindBytes).padStart(10)} ${`${f.msPerIssue} ms`.padStart(10)}`;
  console.log(
    `\nbenchmark: ${r.issues} synthetic issues (the baseline builds ${r.issues + 1}: after the rebuild's added issue) on ${r.machine}`,
  );
  console.log(
    `${'build'.padEnd(10)} ${'wall'.padStart(9)} ${'peak RSS'.padStart(9)} ${'pages'.padStart(6)} ${'dist'.padStart(10)} ${'pagefind'.padStart(10)} ${'per issue'.padStart(10)}`,
  );
  console.log(row('project', r.project));
  console.log(row('baseline', r.baseline));
  console.log(`ratio project/baseline: time ${r.ratio.time}×, peak RSS ${r.ratio.peakRss ?? '?'}×`);
  const steps = (s: BenchResult['project']['steps']) =>
    `content check ${s.contentCheck ?? '?'} s, Vite bundle ${s.viteBundle ?? '?'} s, rendering ${s.renderPages ?? '?'} s, Pagefind ${s.pagefind ?? '?'} s`;
  console.log(`full build steps: ${steps(r.project.steps)}`);
  console.log(`rebuild steps: ${steps(r.rebuildAfterOneIssue.steps)}`);
  console.log(
    `rebuild after adding one issue: ${r.rebuildAfterOneIssue.seconds} s (${Math.round(r.rebuildAfterOneIssue.shareOfFullBuild * 100)}% of the full build; Pagefind ${r.rebuildAfterOneIssue.pagefindSeconds ?? '?'} s)`,
  );
  for (const [name, w] of Object.entries(r.pageWeight)) {
    if ('error' in w) console.log(`page weight ${name}: ${w.error}`);
    else
      console.log(
        `page weight ${name.padEnd(7)} HTML ${kib(w.html.raw)} (${kib(w.html.gzip)} gz) · CSS ${kib(w.css.raw)} (${kib(w.css.gzip)} gz) · JS ${kib(w.js.raw)} (${kib(w.js.gzip)} gz) · total ${kib(w.total.gzip)} gzip / ${kib(w.total.brotli)} brotli`,
      );
  }
  for (const [name, s] of [
    ['search', r.search],
    ['bare Pagefind search (baseline)', r.baselineSearch],
  ] as const) {
    if (!s) continue;
    console.log(`${name} over ${s.queries.length} queries (${s.note}):`);
    console.log(
      `  cold: median ${s.cold.medianMs} ms, max ${s.cold.maxMs} ms to first results; median ${kib(s.cold.medianBytes)}, max ${kib(s.cold.maxBytes)} fetched (median ${kib(s.cold.medianGzipBytes)} from a host that gzips text)`,
    );
    console.log(
      `  cold requests: median ${s.cold.medianRequests}, of them entry files ${s.cold.medianEntryRequests}; fetched more than once: ${
        Object.entries(s.cold.repeated)
          .map(([p, c]) => `${p} ×${c}`)
          .join(', ') || 'none'
      }`,
    );
    console.log(
      `  cold phases (medians): page ${s.cold.medianPhasesMs['page']} ms, Pagefind ready ${s.cold.medianPhasesMs['pagefindReady']} ms, searching ${s.cold.medianPhasesMs['searched']} ms, showing ${s.cold.medianPhasesMs['shown']} ms`,
    );
    console.log(
      `  cold bytes by kind (medians): ${Object.entries(s.cold.medianBytesByKind)
        .sort((a, b) => b[1] - a[1])
        .map(([k, b]) => `${k} ${kib(b)}`)
        .join(', ')}`,
    );
    console.log(
      `  warm: median ${s.warm.medianMs} ms, max ${s.warm.maxMs} ms; median ${kib(s.warm.medianBytes)}, max ${kib(s.warm.maxBytes)} fetched`,
    );
  }
  if (r.searchRatio)
    console.log(
      `first search, project / bare Pagefind: time ${r.searchRatio.coldTime}×, bytes ${r.searchRatio.coldBytes}× (${r.searchRatio.coldGzipBytes}× from a gzipping host)`,
    );
}
