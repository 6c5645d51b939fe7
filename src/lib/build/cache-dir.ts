/**
 * Where build caches live between builds: node_modules/.cache/kfjz/ (outside git, gone with a
 * fresh `npm ci`), or KFJZ_CACHE_DIR (the benchmark and tests use their own); KFJZ_CACHE_DIR=off
 * builds everything from scratch. Every entry is keyed by the content and the code that made it.
 */
import { join } from 'node:path';

/** The folder of one part of the build cache (`bodies`, `search`, `content-check`), or none when caching is off. */
export function cacheDirFor(root: string, part: string): string | undefined {
  const base = process.env.KFJZ_CACHE_DIR ?? join(root, 'node_modules/.cache/kfjz');
  return base === 'off' ? undefined : join(base, part);
}

/** Where the build keeps each issue's content-check result between builds (by digest), or none. */
export function contentCheckCacheFile(root: string): string | undefined {
  const dir = cacheDirFor(root, 'content-check');
  return dir && join(dir, 'results.json');
}
