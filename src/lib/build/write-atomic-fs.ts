/**
 * Writes that a reader never sees half done: the file or folder is written under a temporary
 * name beside its place (the same file system, so the rename is atomic), then renamed into
 * place. Builds that share a cache (tests, benchmarks, two terminals) read each other's entries.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Puts at `target` what `write` writes at the temporary path it is given; a folder in the way is replaced. */
export function writeAtomic(target: string, write: (tmp: string) => void): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    write(tmp);
    // rename() replaces a file but not a folder that holds files.
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** `data` written whole at `path`. */
export function writeFileAtomic(path: string, data: string): void {
  writeAtomic(path, (tmp) => writeFileSync(tmp, data));
}
