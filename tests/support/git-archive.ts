/**
 * A throw-away git repository holding an archive: the first commit has the given files under
 * content/issues/, as the archive was merged; a test then edits the working tree or commits more.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ArchiveRepo {
  repo: string;
  /** content/issues inside the repository. */
  issues: string;
  git: (...args: string[]) => string;
  /** Writes content/issues/<name> in the working tree. */
  write: (name: string, text: string) => void;
  cleanup: () => void;
}

export function archiveRepo(files: Record<string, string>): ArchiveRepo {
  const repo = mkdtempSync(join(tmpdir(), 'kfjz-repo-'));
  const issues = join(repo, 'content/issues');
  mkdirSync(issues, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
      cwd: repo,
    }).toString();
  const write = (name: string, text: string) => writeFileSync(join(issues, name), text);
  git('init', '--quiet');
  for (const [name, text] of Object.entries(files)) write(name, text);
  git('add', '.');
  git('commit', '--quiet', '-m', 'the archive as merged');
  return { repo, issues, git, write, cleanup: () => rmSync(repo, { recursive: true, force: true }) };
}
