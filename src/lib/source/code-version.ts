/**
 * A digest of the code a cached result depends on: every file under the given folders (paths and
 * bytes) and the lockfile (the versions of every package). Caches keyed by it are dropped when
 * that code changes, so they never hand back what older code made.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function codeVersion(root: string, dirs: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(p).update(readFileSync(p));
    }
  };
  for (const d of dirs) if (existsSync(join(root, d))) walk(join(root, d));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}
