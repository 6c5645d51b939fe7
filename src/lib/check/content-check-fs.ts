/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field. Which checks
 * run, and in what order, is checks.ts's; this runs them over a folder, each once per file.
 *
 * With a cache file (the build passes one), each issue's own problems are kept under the
 * digest of its bytes and of the code that checks it, so a build after adding one issue
 * checks that issue; the checks across issues run every time, on facts kept with each file.
 * The image files an issue names (scans, photos) are part of its result: a kept result counts
 * only while each of them is as it was (the file a path leads to, links followed, and its size
 * and mtime). Images are decoded in one batch for all the files checked afresh, each image once
 * (images-fs.ts). Without a cache file the same path runs with nothing kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '#lib/build/write-atomic-fs.ts';
import { codeVersion } from '#lib/source/code-version-fs.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import { readIssueFile } from '#lib/source/read-issue-file-fs.ts';
import { issueFiles, readIssue } from '#lib/source/read-issues-fs.ts';
import { yamlPositions, type YamlPositions } from '#lib/source/yaml-positions.ts';
import {
  checkAcrossIssues,
  checkFigures,
  checkIssueFile,
  inPrintedOrder,
  issueFacts,
  type FileProblems,
  type IssueFacts,
  type LineOf,
} from './checks.ts';
import { checkImages } from './images-fs.ts';
import type { Problem } from './problem.ts';

/** One file's check result, as the cache keeps it: its problems by step and what the checks across issues need. */
interface FileResult extends FileProblems {
  facts?: IssueFacts;
  /** Every image path the issue names on disk → the file it leads to with its size and mtime when checked, or `missing`. */
  imageFiles: Record<string, string>;
}

/** What a path leads to now: the file (links followed), its size and mtime. A link pointed elsewhere changes it. */
const stamp = (path: string) => {
  try {
    const real = realpathSync(path);
    const s = statSync(real);
    return `${real}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

/** A kept result still holds while every image file it named is as it was. */
const stillHolds = (result: FileResult | undefined): result is FileResult =>
  result !== undefined && Object.entries(result.imageFiles).every(([file, was]) => stamp(file) === was);

/** A front-matter line in a file named relative to `root`, read again from the file (only for a problem). */
function frontMatterLine(root: string): LineOf {
  const positions = new Map<string, YamlPositions | undefined>();
  return (file, path) => {
    if (!positions.has(file)) {
      const text = readIssueFile(resolve(root, file), file);
      positions.set(file, 'problems' in text ? undefined : yamlPositions(text.rawFrontmatter));
    }
    return positions.get(file)?.lineOf(path);
  };
}

/** The code a file's result depends on. */
const CHECK_CODE = ['src/lib', 'src/schemas', 'src/data'];

/** The results kept in `cacheFile` by the code of `version`: read once, written once with the results of this run. */
function openCache(cacheFile: string, version: string) {
  let kept: Record<string, FileResult> = {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      version: string;
      files: Record<string, FileResult>;
    };
    if (stored.version === version) kept = stored.files;
  } catch {
    // No cache yet, or an unreadable one: check everything.
  }
  const next: Record<string, FileResult> = {};
  return {
    /** The digest a file's result is kept under: its name as shown and its bytes. */
    digest: (path: string, shown: string) =>
      createHash('sha256').update(shown).update('\0').update(readFileSync(path)).digest('hex'),
    get: (digest: string) => kept[digest],
    /** Keep a result for the next run; a file not kept this run is dropped. */
    keep: (digest: string, result: FileResult) => {
      next[digest] = result;
    },
    save: () => writeFileAtomic(cacheFile, JSON.stringify({ version, files: next })),
  };
}

const noFolder = (dir: string): Problem => ({
  severity: 'error',
  file: dir,
  message: 'no such folder; issues live in content/issues (or where KFJZ_CONTENT_DIR points)',
});

/** Every problem of the issues in `dir` (checks.ts's steps, in its order), each file's own kept in `cacheFile` when given. */
export function checkContent(
  root: string,
  dir = contentDir(root),
  options: { cacheFile?: string | undefined } = {},
): Problem[] {
  if (!existsSync(dir)) return [noFolder(dir)];
  const cache = options.cacheFile ? openCache(options.cacheFile, codeVersion(root, CHECK_CODE)) : undefined;
  const results: FileResult[] = [];
  const fresh: { result: FileResult; loaded: LoadedIssue; path: string }[] = [];
  for (const { path, shown } of issueFiles(dir, root)) {
    const digest = cache?.digest(path, shown);
    const kept = digest === undefined ? undefined : cache?.get(digest);
    let result: FileResult;
    if (stillHolds(kept)) result = kept;
    else {
      const { loaded, problems } = checkIssueFile(readIssue(path, shown));
      result = { file: problems, images: [], figures: [], imageFiles: {} };
      if (loaded) {
        result.figures = checkFigures(loaded);
        result.facts = issueFacts(loaded);
        fresh.push({ result, loaded, path: resolve(root, loaded.file) });
      }
    }
    if (digest !== undefined) cache?.keep(digest, result);
    results.push(result);
  }
  // The images of every file checked afresh, in one batch: each image file decoded once.
  const images = checkImages(
    fresh,
    cache &&
      ((paths) =>
        paths.forEach((named, i) => {
          const f = fresh[i];
          if (f) f.result.imageFiles = Object.fromEntries(named.map((p) => [p, stamp(p)]));
        })),
  );
  images.forEach((problems, i) => {
    const f = fresh[i];
    if (f) f.result.images = problems;
  });
  cache?.save();
  const facts = results.flatMap((r) => (r.facts ? [r.facts] : []));
  return inPrintedOrder(results, checkAcrossIssues(facts, frontMatterLine(root)));
}

/** One issue file through step 1 of the check (checks.ts): the issue when it parsed, and the file's problems. */
export function loadIssueFile(path: string, file = path): { loaded?: LoadedIssue; problems: Problem[] } {
  return checkIssueFile(readIssue(path, file));
}

export interface LoadResult {
  issues: LoadedIssue[];
  problems: Problem[];
}

/**
 * Every `*.mdx` under `dir` (sorted) through steps 1 and 2 of the check (checks.ts: no images,
 * no figures): the issues that parsed, and the problems.
 */
export function loadIssues(dir: string, root = process.cwd()): LoadResult {
  if (!existsSync(dir)) return { issues: [], problems: [noFolder(dir)] };
  const issues: LoadedIssue[] = [];
  const problems: Problem[] = [];
  for (const { path, shown } of issueFiles(dir, root)) {
    const r = loadIssueFile(path, shown);
    problems.push(...r.problems);
    if (r.loaded) issues.push(r.loaded);
  }
  const byFile = new Map(issues.map((l) => [l.file, l]));
  problems.push(...checkAcrossIssues(issues.map(issueFacts), (file, path) => byFile.get(file)?.lineOf(path)));
  return { issues, problems };
}
