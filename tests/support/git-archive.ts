/**
 * A throw-away git repository holding an archive: the first commit has the given files under
 * content/issues/, as the archive was merged; a test then edits the working tree or commits more.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Repositories made once per set of files and copied for each test: git runs once, not per test. */
const templates = new Map<string, string>();
process.on('exit', () => {
  for (const dir of templates.values()) rmSync(dir, { recursive: true, force: true });
});

function gitIn(repo: string) {
  return (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
      cwd: repo,
    }).toString();
}

function template(files: Record<string, string>): string {
  const key = JSON.stringify(Object.entries(files));
  let repo = templates.get(key);
  if (repo === undefined) {
    repo = mkdtempSync(join(tmpdir(), 'kfjz-repo-template-'));
    const issues = join(repo, 'content/issues');
    mkdirSync(issues, { recursive: true });
    const git = gitIn(repo);
    git('init', '--quiet');
    for (const [name, text] of Object.entries(files)) writeFileSync(join(issues, name), text);
    git('add', '.');
    git('commit', '--quiet', '-m', 'the archive as merged');
    templates.set(key, repo);
  }
  return repo;
}

export function archiveRepo(files: Record<string, string>): ArchiveRepo {
  const repo = mkdtempSync(join(tmpdir(), 'kfjz-repo-'));
  cpSync(template(files), repo, { recursive: true });
  const issues = join(repo, 'content/issues');
  return {
    repo,
    issues,
    git: gitIn(repo),
    write: (name, text) => writeFileSync(join(issues, name), text),
    cleanup: () => rmSync(repo, { recursive: true, force: true }),
  };
}
