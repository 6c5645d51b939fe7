/**
 * The archive as `npm run diff` reads it, at a git revision or in the working tree: every issue
 * that loads, the content check's problems short of images and figures (loadIssues), and what
 * can be read of each file that did not load, so a broken change is compared, not called removed.
 */
import { existsSync } from 'node:fs';
import { loadIssues, type LoadResult } from '#lib/check/content-check-fs.ts';
import { readAtRevision } from '#lib/source/git-archive-fs.ts';
import type { IssueReading } from '#lib/source/parse-issue.ts';
import { issueFiles, readIssueRegardless } from '#lib/source/read-issues-fs.ts';

/** An archive as `npm run diff` reads it: loadIssues's result, and what can be read of each file that did not load. */
export interface ArchiveReading extends LoadResult {
  unloaded: IssueReading[];
}

/** loadIssues, then readIssueRegardless for every file that did not load. */
export function readArchive(dir: string, root = process.cwd()): ArchiveReading {
  const result = loadIssues(dir, root);
  if (!existsSync(dir)) return { ...result, unloaded: [] };
  const loaded = new Set(result.issues.map((l) => l.file));
  const unloaded = issueFiles(dir, root)
    .filter((f) => !loaded.has(f.shown))
    .map((f) => readIssueRegardless(f.path, f.shown));
  return { ...result, unloaded };
}

/**
 * The issues in `dir` (a folder of the working tree, e.g. content/issues) as they were at
 * `ref`, read as readArchive reads the working tree's. Files are named as in the repository
 * (`content/issues/2024-18.mdx`); a folder the revision lacks is an empty archive.
 */
export function loadIssuesAt(ref: string, dir: string): ArchiveReading {
  return readAtRevision(ref, dir, (folder, named) => {
    const { issues, problems, unloaded } = readArchive(folder, folder);
    return {
      issues: issues.map((l) => ({ ...l, file: named(l.file) })),
      problems: problems.map((p) => ({ ...p, file: named(p.file) })),
      unloaded: unloaded.map((r) => ({ ...r, file: named(r.file) })),
    };
  });
}
