/**
 * `npm run build`: build the archive into a staging folder and only then swap it in as dist/.
 * A build that fails (a content error, an MDX error, a Pagefind error) leaves the last good
 * dist/ byte-for-byte as it was, so a mistake never takes the published archive down.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'astro';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const staging = join(root, `dist.staging-${process.pid}`);
const old = join(root, `dist.old-${process.pid}`);

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message;
}

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
  console.error(`\nbuild failed; ${existsSync(dist) ? 'the previous dist/ is unchanged' : 'no dist/ was written'}.\n${firstLine(error)}`);
  process.exitCode = 1;
}
