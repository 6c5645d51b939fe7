/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field.
 *
 * With a cache file (the build passes one), each issue's own problems are kept under the
 * digest of its bytes and of the code that checks it, so a build after adding one issue
 * checks that issue; the checks across issues (one file per issue, rounds that agree) run
 * every time, on facts kept with each file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crossCheckIssue } from './cross-check.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { issueFiles, loadIssueFile, loadIssues } from '#lib/source/load.ts';
import { checkCollection, collectionFacts, type CollectionFacts } from './collection.ts';
import type { Problem } from './problem.ts';

/** One file's check result: its own problems (loading, then figures ↔ text) and what the collection checks need. */
interface FileResult {
  load: Problem[];
  cross: Problem[];
  facts?: CollectionFacts;
}

function checkFile(path: string, shown: string): FileResult {
  const r = loadIssueFile(path, shown);
  return {
    load: r.problems,
    cross: r.loaded ? crossCheckIssue(r.loaded) : [],
    ...(r.loaded ? { facts: collectionFacts(r.loaded) } : {}),
  };
}

/** The code a file's result depends on: everything under src/lib, src/schemas and src/data, and the lockfile. */
function codeVersion(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(p).update(readFileSync(p));
    }
  };
  for (const d of ['src/lib', 'src/schemas', 'src/data']) if (existsSync(join(root, d))) walk(join(root, d));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

/** Schema, body and collection problems, then figures ↔ text for every issue that loaded. */
export function checkContent(
  root: string,
  dir = contentDir(root),
  options: { cacheFile?: string | undefined } = {},
): Problem[] {
  const { cacheFile } = options;
  if (!cacheFile || !existsSync(dir) || !statSync(dir).isDirectory()) {
    const { issues, problems } = loadIssues(dir, root);
    return [...problems, ...issues.flatMap(crossCheckIssue)];
  }
  const version = codeVersion(root);
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
  const kept: Record<string, FileResult> = {};
  for (const { path, shown } of issueFiles(dir, root)) {
    const digest = createHash('sha256').update(shown).update('\0').update(readFileSync(path)).digest('hex');
    const result = cached[digest] ?? checkFile(path, shown);
    kept[digest] = result;
    results.push(result);
  }
  mkdirSync(dirname(cacheFile), { recursive: true });
  const tmp = `${cacheFile}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ version, files: kept }));
  renameSync(tmp, cacheFile);
  const facts = results.flatMap((r) => (r.facts ? [r.facts] : []));
  return [...results.flatMap((r) => r.load), ...checkCollection(facts), ...results.flatMap((r) => r.cross)];
}
