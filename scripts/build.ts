/**
 * `npm run build`: build the archive into a staging folder and only then swap it in as dist/.
 * A build that fails (a content error, an MDX error, a Pagefind error) leaves the last good
 * dist/ byte-for-byte as it was, so a mistake never takes the published archive down.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';

const root = resolve(import.meta.dirname, '..');
// KFJZ_OUT_DIR builds elsewhere (tests, benchmarks); staging sits beside it so the swap is a rename.
const dist = resolve(root, process.env.KFJZ_OUT_DIR ?? 'dist');
const staging = `${dist}.staging-${process.pid}`;
const old = `${dist}.old-${process.pid}`;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

try {
  // 1. Build everything (content check, pages, Pagefind index) into the staging folder.
  await build({ root, outDir: staging, logLevel: process.env.KFJZ_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
  // 2. Swap: the old archive moves aside, the new one takes its place, the old one goes.
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
  console.log(`archive written to ${dist}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nbuild failed; ${existsSync(dist) ? `the previous ${dist} is unchanged` : 'nothing was written'}.\n${messageOf(error)}`);
  process.exitCode = 1;
}
