/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field.
 *
 * With a cache file (the build passes one), each issue's own problems are kept under the
 * digest of its bytes and of the code that checks it, so a build after adding one issue
 * checks that issue; the checks across issues (one file per issue, rounds that agree) run
 * every time, on facts kept with each file. The image files an issue names (scans, photos) are
 * part of its result: a kept result counts only while each of them is as it was (the file a
 * path leads to, links followed, and its size and mtime). Images are decoded in one batch for
 * all the files checked afresh, each image once (images.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { crossCheckIssue } from './cross-check.ts';
import { checkFigureSources } from './figure-sources.ts';
import { checkImages } from './images.ts';
import { codeVersion } from '#lib/source/code-version.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { issueFiles, loadIssueFile, loadIssues, type LoadedIssue } from '#lib/source/load.ts';
import { readIssueFile } from '#lib/source/read-issue-file.ts';
import { yamlPositions, type YamlPositions } from '#lib/source/yaml-positions.ts';
import { checkCollection, collectionFacts, type CollectionFacts, type LineOf } from './collection.ts';
import type { Problem } from './problem.ts';

/** The checks of an issue's figures: against its text, and each figure's one place in it. */
const figureChecks = (loaded: LoadedIssue): Problem[] => [...crossCheckIssue(loaded), ...checkFigureSources(loaded)];

/** One file's check result: its own problems (loading, images, figures ↔ text) and what the collection checks need. */
interface FileResult {
  load: Problem[];
  images: Problem[];
  cross: Problem[];
  facts?: CollectionFacts;
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

/** A file's result short of its images, and the loaded issue whose images are still to check. */
function checkFile(path: string, shown: string): { result: FileResult; loaded?: LoadedIssue } {
  const r = loadIssueFile(path, shown);
  if (!r.loaded) return { result: { load: r.problems, images: [], cross: [], imageFiles: {} } };
  return {
    result: {
      load: r.problems,
      images: [],
      cross: figureChecks(r.loaded),
      facts: collectionFacts(r.loaded),
      imageFiles: {},
    },
    loaded: r.loaded,
  };
}

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

/** Schema, body and collection problems, then images and figures ↔ text for every issue that loaded. */
export function checkContent(
  root: string,
  dir = contentDir(root),
  options: { cacheFile?: string | undefined } = {},
): Problem[] {
  const { cacheFile } = options;
  if (!cacheFile || !existsSync(dir) || !statSync(dir).isDirectory()) {
    const { issues, problems } = loadIssues(dir, root);
    return [
      ...problems,
      ...checkImages(issues.map((loaded) => ({ loaded, path: resolve(root, loaded.file) }))).flat(),
      ...issues.flatMap(figureChecks),
    ];
  }
  const version = codeVersion(root, CHECK_CODE);
  let cached: Record<string, FileResult> = {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      version: string;
      files: Record<string, FileResult>;
    };
    if (stored.version === version) cached = stored.files;
  } catch {
    // No cache yet, or an unreadable one: check everything.
  }
  const results: FileResult[] = [];
  const keep: Record<string, FileResult> = {};
  const fresh: { result: FileResult; loaded: LoadedIssue; path: string }[] = [];
  for (const { path, shown } of issueFiles(dir, root)) {
    const digest = createHash('sha256').update(shown).update('\0').update(readFileSync(path)).digest('hex');
    const kept = cached[digest];
    let result: FileResult;
    if (stillHolds(kept)) result = kept;
    else {
      const checked = checkFile(path, shown);
      result = checked.result;
      if (checked.loaded) fresh.push({ result, loaded: checked.loaded, path: resolve(root, checked.loaded.file) });
    }
    keep[digest] = result;
    results.push(result);
  }
  // The images of every file checked afresh, in one batch: each image file decoded once.
  const images = checkImages(fresh, (paths) =>
    paths.forEach((named, i) => {
      const f = fresh[i];
      if (f) f.result.imageFiles = Object.fromEntries(named.map((p) => [p, stamp(p)]));
    }),
  );
  images.forEach((problems, i) => {
    const f = fresh[i];
    if (f) f.result.images = problems;
  });
  mkdirSync(dirname(cacheFile), { recursive: true });
  const tmp = `${cacheFile}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ version, files: keep }));
  renameSync(tmp, cacheFile);
  const facts = results.flatMap((r) => (r.facts ? [r.facts] : []));
  return [
    ...results.flatMap((r) => r.load),
    ...checkCollection(facts, frontMatterLine(root)),
    ...results.flatMap((r) => r.images),
    ...results.flatMap((r) => r.cross),
  ];
}
