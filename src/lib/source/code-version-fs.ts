/**
 * A digest of the code a cached result depends on: the given files and every file under the given
 * folders (paths and bytes), and the lockfile (the versions of every package). Caches keyed by it are dropped when
 * that code changes, so they never hand back what older code made.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function codeVersion(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!statSync(path).isDirectory()) {
      hash.update(path).update(readFileSync(path));
      return;
    }
    for (const name of readdirSync(path).sort((a, b) => a.localeCompare(b))) walk(join(path, name));
  };
  for (const p of paths) if (existsSync(join(root, p))) walk(join(root, p));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}
