/**
 * The archive as a git revision holds it, read through git itself (`git ls-tree`, `git show`)
 * without a checkout, so the working tree is never touched. The files are handed to the same
 * reader as the working tree's (src/lib/review/read-archive-fs.ts): a revision's issues are judged alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

export class GitError extends Error {
  override name = 'GitError';
}

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

/** Where the git repository holding `dir` starts, and `dir` relative to it (`content/issues`). */
export function gitLocation(dir: string): { toplevel: string; path: string } {
  const toplevel = git(dir, ['rev-parse', '--show-toplevel']).toString().trim();
  return { toplevel, path: relative(realpathSync(toplevel), realpathSync(dir)).split('\\').join('/') };
}

/**
 * `read` given a scratch folder holding the `*.mdx` files of `dir` (a folder of the working
 * tree, e.g. content/issues) as they were at `ref`, and `named`, which turns a file name there
 * into the file's path in the repository (`content/issues/2024-18.mdx`). A folder the revision
 * lacks is an empty one. The scratch folder is gone once `read` returns.
 */
export function readAtRevision<T>(
  ref: string,
  dir: string,
  read: (folder: string, named: (file: string) => string) => T,
): T {
  const { toplevel, path } = gitLocation(dir);
  const commit = git(toplevel, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
    .toString()
    .trim();
  const listed = git(toplevel, ['ls-tree', '-z', '--full-name', '--name-only', commit, '--', path ? `${path}/` : '.'])
    .toString()
    .split('\0')
    .filter((f) => f.endsWith('.mdx'));
  // The reader reads files: the revision's blobs go to a scratch folder under their own names.
  const scratch = mkdtempSync(join(tmpdir(), 'kfjz-archive-at-'));
  try {
    for (const file of listed)
      writeFileSync(join(scratch, basename(file)), git(toplevel, ['show', `${commit}:${file}`]));
    return read(scratch, (file) => (path ? `${path}/${file}` : file));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
