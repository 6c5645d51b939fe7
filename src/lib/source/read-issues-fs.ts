/**
 * Issue files on disk, read and parsed (parse-issue.ts) and nothing more: the content check
 * (src/lib/check/) judges them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LoadedIssue } from './loaded-issue.ts';
import { issueRegardless, loadedIssue, parseIssue, type IssueRead, type IssueReading } from './parse-issue.ts';
import { readIssueFile } from './read-issue-file-fs.ts';

/** The `*.mdx` files under `dir`, sorted, each with the name messages show (relative to `root`). */
export function issueFiles(dir: string, root: string): { path: string; shown: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const shown = relative(root, path);
      return { path, shown: shown.startsWith('..') ? path : shown };
    });
}

/** Read and parse one issue file. `file` is shown in messages as given. */
export function readIssue(path: string, file = path): IssueRead {
  const text = readIssueFile(path, file);
  return 'problems' in text ? { file, unreadable: text.problems } : parseIssue(text, file);
}

/** Every `*.mdx` under `dir` (sorted) whose front-matter passes the schema and whose body parses; no check run. */
export function readIssues(dir: string, root = process.cwd()): LoadedIssue[] {
  if (!existsSync(dir)) return [];
  return issueFiles(dir, root).flatMap(({ path, shown }) => loadedIssue(readIssue(path, shown)) ?? []);
}

/** An issue file read for comparison, not for publishing (issueRegardless). */
export function readIssueRegardless(path: string, file = path): IssueReading {
  const text = readIssueFile(path, file);
  return 'problems' in text ? { file } : issueRegardless(text, file);
}
