/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field.
 */
import { isAbsolute, join } from 'node:path';
import { crossCheckIssue } from './cross-check.ts';
import { loadIssues } from '#lib/source/load.ts';
import type { Problem } from './problem.ts';

/**
 * Where issues are read from: `content/issues`, or KFJZ_CONTENT_DIR (used by benchmarks and
 * test fixtures to build a synthetic archive without touching the real content).
 */
export function contentDir(root = process.cwd()): string {
  const dir = process.env.KFJZ_CONTENT_DIR ?? 'content/issues';
  return isAbsolute(dir) ? dir : join(root, dir);
}

/** Schema, body and collection problems, then figures ↔ text for every issue that loaded. */
export function checkContent(root: string, dir = contentDir(root)): Problem[] {
  const { issues, problems } = loadIssues(dir, root);
  return [...problems, ...issues.flatMap(crossCheckIssue)];
}
