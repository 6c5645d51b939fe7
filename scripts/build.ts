/**
 * `npm run build`: build the archive into a staging folder and only then swap it in as dist/.
 * A build that fails (a content error, an MDX error, a Pagefind error) leaves the last good
 * dist/ byte-for-byte as it was, so a mistake never takes the published archive down.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { imageFailureProblems } from '#lib/check/image-failure-fs.ts';
import { errorsIn, problemFormat, problemFormatter } from '#lib/check/problem.ts';
import { contentCheckCacheFile } from '#lib/build/cache-dir.ts';
import { recordTiming } from '#lib/build/timings-fs.ts';
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

// 1. The content check, before Astro is even loaded: a content error stops the build within a
//    second and prints the same lines as `npm run check`. (The content-check integration runs it
//    again inside Astro, for `astro build` run directly.)
const checkStarted = performance.now();
const problems = checkContent(root, undefined, { cacheFile: contentCheckCacheFile(root) });
recordTiming('content-check', performance.now() - checkStarted);
const errors = errorsIn(problems);
for (const p of problems) if (p.severity === 'warning') console.warn(formatProblem(p));
if (errors.length > 0) {
  for (const p of errors) console.error(formatProblem(p));
  console.error(`\nbuild failed: ${errors.length} content error(s), nothing was built; ${unchanged()}.`);
  process.exitCode = 1;
} else {
  // Astro logs a page's rendering error with its stack; the message is what an editor needs.
  if (!debug) {
    hideStackFrames(process.stdout);
    hideStackFrames(process.stderr);
  }
  // Checked already: the integration need not read every issue a second time (its cost grows with the
  // archive: scripts/bench/BENCHMARKS.md).
  process.env.KFJZ_CONTENT_CHECKED = '1';
  const { build } = await import('astro');
  try {
    // 2. Build everything (pages, Pagefind index) into the staging folder (emptied first: a build
    //    that was killed may have left one).
    rmSync(staging, { recursive: true, force: true });
    // KFJZ_ASTRO_CACHE_DIR: Astro's own cache (incremental build) elsewhere, for benchmarks and tests.
    const cacheDir = process.env.KFJZ_ASTRO_CACHE_DIR;
    await build({ root, outDir: staging, logLevel: debug ? 'debug' : 'info', ...(cacheDir ? { cacheDir } : {}) });
    // 3. Swap: the old archive moves aside, the new one takes its place, the old one goes.
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(staging, dist);
    rmSync(old, { recursive: true, force: true });
    console.log(`archive written to ${dist}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // An image Astro could not optimise: named at the line, like a content error.
    const atImage = imageFailureProblems(root, error);
    for (const p of atImage) console.error(formatProblem(p));
    console.error(
      atImage.length > 0
        ? `\nbuild failed: an image could not be optimised, nothing was built; ${unchanged()}.`
        : `\nbuild failed; ${unchanged()}.\n${describeError(error)}`,
    );
    process.exitCode = 1;
  }
}
