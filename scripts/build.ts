/**
 * `npm run build`: build the archive into a staging folder and only then swap it in as dist/.
 * A build that fails (a content error, an MDX error, a Pagefind error) leaves the last good
 * dist/ byte-for-byte as it was, so a mistake never takes the published archive down.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { errorsIn, problemFormat, problemFormatter, type Problem } from '#lib/check/problem.ts';
import { contentCheckCache } from '../src/integrations/content-check.ts';
import { recordTiming } from '../src/integrations/timings.ts';
import { describeError, hideStackFrames } from './lib/output.ts';

const root = resolve(import.meta.dirname, '..');
// KFJZ_OUT_DIR builds elsewhere (tests, benchmarks); staging sits beside it so the swap is a rename.
const dist = resolve(root, process.env.KFJZ_OUT_DIR ?? 'dist');
// The staging folder's name is the same every build: Astro writes the output folder into its
// image module, and a name that changed would make every page that shows images (the issue
// pages) look changed to the incremental build, which would then render them all again.
const staging = `${dist}.staging`;
const old = `${dist}.old-${process.pid}`;
const debug = process.env.KFJZ_LOG_LEVEL === 'debug';
// `--format github` (the default inside GitHub Actions) prints problems as annotations, as `npm run check` does.
const { values } = parseArgs({ options: { format: { type: 'string' } } });
const formatProblem = problemFormatter(problemFormat(values.format));

const unchanged = () => (existsSync(dist) ? `the previous ${dist} is unchanged` : 'nothing was written');

/**
 * 1. The content check, in a worker thread beside Astro's build (on two cores it costs the build
 *    almost nothing: 8 s at 1000 issues had come before Astro started). An error stops the build
 *    as soon as the check knows it, removes the half-built staging folder and prints the same
 *    lines as `npm run check`; nothing is swapped in before the check has passed.
 */
function runCheck(): Promise<Problem[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./lib/check-worker.ts', import.meta.url), {
      workerData: { root, cacheFile: contentCheckCache(root) },
    });
    // Answered once the worker has ended, so a failed check never exits the build beside a live thread.
    let problems: Problem[] | undefined;
    worker.once('message', (found: Problem[]) => (problems = found));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      problems ? resolvePromise(problems) : reject(new Error(`the content check stopped (exit code ${code})`)),
    );
  });
}

/** Prints the check's problems and, on errors, stops the build with dist/ as it was. */
function reportCheck(problems: Problem[]): void {
  const errors = errorsIn(problems);
  for (const p of problems) if (p.severity === 'warning') console.warn(formatProblem(p));
  if (errors.length === 0) return;
  rmSync(staging, { recursive: true, force: true });
  for (const p of errors) console.error(formatProblem(p));
  console.error(`\nbuild failed: ${errors.length} content error(s), nothing was built; ${unchanged()}.`);
  process.exit(1);
}

const checkStarted = performance.now();
const checked = runCheck().then(
  (problems) => {
    recordTiming('content-check', performance.now() - checkStarted);
    reportCheck(problems);
  },
  (error: unknown) => {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nbuild failed: the content check could not run; ${unchanged()}.\n${describeError(error)}`);
    process.exit(1);
  },
);

// Astro logs a page's rendering error with its stack; the message is what an editor needs.
if (!debug) {
  hideStackFrames(process.stdout);
  hideStackFrames(process.stderr);
}
// Checked in the worker: the integration need not read every issue a second time.
process.env.KFJZ_CONTENT_CHECKED = '1';
const { build } = await import('astro');
try {
  // 2. Build everything (pages, Pagefind index) into the staging folder (emptied first: a build
  //    that was killed may have left one).
  rmSync(staging, { recursive: true, force: true });
  // KFJZ_ASTRO_CACHE_DIR: Astro's own cache (incremental build) elsewhere, for benchmarks and tests.
  const cacheDir = process.env.KFJZ_ASTRO_CACHE_DIR;
  await build({ root, outDir: staging, logLevel: debug ? 'debug' : 'info', ...(cacheDir ? { cacheDir } : {}) });
  // The check must have passed before anything is swapped in.
  await checked;
  // 3. Swap: the old archive moves aside, the new one takes its place, the old one goes.
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
  console.log(`archive written to ${dist}`);
} catch (error) {
  // A content error explains a failed build best (a broken MDX brace also stops the issue loader).
  await checked;
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nbuild failed; ${unchanged()}.\n${describeError(error)}`);
  process.exitCode = 1;
}
