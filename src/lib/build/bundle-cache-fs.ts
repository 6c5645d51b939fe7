/**
 * Built folders kept between builds under a key (the closed years' search bundle): put back by
 * hard links, stored whole under a temporary name and renamed, the oldest pruned.
 */
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from './write-atomic-fs.ts';

/** Folders kept per cache: the newest few, so builds of other archives (tests, benchmarks) do not evict each other at once. */
const KEEP = 3;

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

/** Puts the cached folder `cached` at `to`; false if there is none (or another build pruned it meanwhile). */
export function restoreTree(cached: string, to: string): boolean {
  if (!statSync(cached, { throwIfNoEntry: false })?.isDirectory()) return false;
  try {
    linkTree(cached, to);
    return true;
  } catch {
    rmSync(to, { recursive: true, force: true });
    return false;
  }
}

/**
 * Stores the freshly built folder `built` as `cached` (a half-written copy never takes the name),
 * then keeps only the newest KEEP folders of the cache whose names start as `cached`'s does up to
 * its key (`closed-…`).
 */
export function keepTree(built: string, cached: string, prefix: string): void {
  writeAtomic(cached, (tmp) => cpSync(built, tmp, { recursive: true }));
  const cacheDir = dirname(cached);
  const entries = readdirSync(cacheDir)
    .filter((e) => e.startsWith(prefix) && !e.includes('.tmp-'))
    .map((e) => ({ path: join(cacheDir, e), mtime: statSync(join(cacheDir, e)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of entries.slice(KEEP)) rmSync(old.path, { recursive: true, force: true });
}
