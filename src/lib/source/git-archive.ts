/**
 * The archive as a git revision holds it, read through git itself (`git ls-tree`, `git show`)
 * without a checkout, so the working tree is never touched. The files are loaded by the same
 * loader as the working tree's (src/lib/source/load.ts): a revision's issues are judged alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { readArchive, type ArchiveReading } from './load.ts';

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
 * The issues in `dir` (a folder of the working tree, e.g. content/issues) as they were at
 * `ref`. Files are named as in the repository (`content/issues/2024-18.mdx`); a folder the
 * revision lacks is an empty archive. A file that does not load is read regardless, as
 * readArchive reads the working tree's.
 */
export function loadIssuesAt(ref: string, dir: string): ArchiveReading {
  const { toplevel, path } = gitLocation(dir);
  const commit = git(toplevel, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])
    .toString()
    .trim();
  const listed = git(toplevel, ['ls-tree', '-z', '--full-name', '--name-only', commit, '--', path ? `${path}/` : '.'])
    .toString()
    .split('\0')
    .filter((f) => f.endsWith('.mdx'));
  // The loader reads files: the revision's blobs go to a scratch folder under their own names.
  const scratch = mkdtempSync(join(tmpdir(), 'kfjz-archive-at-'));
  try {
    for (const file of listed)
      writeFileSync(join(scratch, basename(file)), git(toplevel, ['show', `${commit}:${file}`]));
    const { issues, problems, unloaded } = readArchive(scratch, scratch);
    const named = (file: string) => (path ? `${path}/${file}` : file);
    return {
      issues: issues.map((l) => ({ ...l, file: named(l.file) })),
      problems: problems.map((p) => ({ ...p, file: named(p.file) })),
      unloaded: unloaded.map((r) => ({ ...r, file: named(r.file) })),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
