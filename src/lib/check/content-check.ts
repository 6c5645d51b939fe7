/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field.
 */
import { crossCheckIssue } from './cross-check.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { loadIssues } from '#lib/source/load.ts';
import type { Problem } from './problem.ts';

/** Schema, body and collection problems, then figures ↔ text for every issue that loaded. */
export function checkContent(root: string, dir = contentDir(root)): Problem[] {
  const { issues, problems } = loadIssues(dir, root);
  return [...problems, ...issues.flatMap(crossCheckIssue)];
}
