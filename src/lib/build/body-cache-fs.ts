/**
 * The rendered issue bodies in the build cache (its `bodies` folder): one JSON file per digest of
 * an issue file and the code that renders it (src/markdown/issue-loader.ts). Each build touches
 * the bodies it uses; those no build has used for two weeks are pruned, so builds of other
 * archives sharing the cache (tests, benchmarks) keep theirs meanwhile.
 */
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './write-atomic-fs.ts';

/** Rendered bodies no build has used for this long leave the cache. */
const KEEP_UNUSED_MS = 14 * 24 * 3600 * 1000;

/** Where the rendered body of `digest` is kept. */
const bodyFile = (bodies: string, digest: string) => join(bodies, `${digest}.json`);

/** Keeps a rendered body (as JSON) under its digest; the file it is kept in. */
export function keepBody(bodies: string, digest: string, json: string): string {
  const file = bodyFile(bodies, digest);
  writeFileAtomic(file, json);
  return file;
}

/** Marks the body of `digest` as used by this build; false when it is not in the cache (any more). */
export function touchBody(bodies: string, digest: string): boolean {
  try {
    const now = new Date();
    utimesSync(bodyFile(bodies, digest), now, now);
    return true;
  } catch {
    return false;
  }
}

/** Removes rendered bodies unused for KEEP_UNUSED_MS. */
export function pruneBodies(bodies: string): void {
  if (!existsSync(bodies)) return;
  const now = Date.now();
  for (const name of readdirSync(bodies)) {
    const path = join(bodies, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_UNUSED_MS) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another build.
    }
  }
}
