/**
 * The content check shared by `npm run check`, the build and the tests: every problem an
 * editor can cause in content/issues, as Problems naming file, line and field.
 */
import { resolve } from 'node:path';
import { crossCheckIssue } from './cross-check.ts';
import { checkImages } from './images.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { loadIssues } from '#lib/source/load.ts';
import type { Problem } from './problem.ts';

/** Schema, body and collection problems, then images and figures ↔ text for every issue that loaded. */
export function checkContent(root: string, dir = contentDir(root)): Problem[] {
  const { issues, problems } = loadIssues(dir, root);
  return [
    ...problems,
    ...issues.flatMap((loaded) => checkImages(loaded, resolve(root, loaded.file))),
    ...issues.flatMap(crossCheckIssue),
  ];
}
