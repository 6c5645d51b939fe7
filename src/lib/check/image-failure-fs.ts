/**
 * An image Astro could not optimise, named where an editor can act on it: the issue file and
 * line that name it, as the content check names its problems. The build's image service
 * (src/integrations/image-service.ts) fails with the SHA-256 of the image's bytes (Astro itself
 * knows the image only by its hashed name under /_astro/); this finds the scans and photos that
 * have those bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '#lib/source/content-dir.ts';
import { readIssues } from '#lib/source/read-issues-fs.ts';
import { IMAGE_DIGEST_PROPERTY } from './image-rules.ts';
import { namedImages } from './images-fs.ts';
import type { Problem } from './problem.ts';

/**
 * The image service's errors inside `error`: Astro wraps each as the cause of its own, and
 * several failed images as one AggregateError.
 */
function imageFailures(error: unknown, depth = 0): { digest: string; message: string }[] {
  if (!(error instanceof Error) || depth > 10) return [];
  const digest = (error as Error & Record<string, unknown>)[IMAGE_DIGEST_PROPERTY];
  if (typeof digest === 'string') return [{ digest, message: error.message }];
  const inner = error instanceof AggregateError ? (error.errors as unknown[]) : [];
  return [...inner, error.cause].flatMap((e) => imageFailures(e, depth + 1));
}

/**
 * For a build error raised on images, a problem at each place an issue names one of them; none
 * for any other error (or when no issue names the image any more).
 */
export function imageFailureProblems(root: string, error: unknown, dir = contentDir(root)): Problem[] {
  const failures = new Map(imageFailures(error).map((f) => [f.digest, f.message]));
  if (failures.size === 0) return [];
  const digests = new Map<string, string>();
  const failureOf = (file: string) => {
    if (!digests.has(file)) {
      try {
        digests.set(file, createHash('sha256').update(readFileSync(file)).digest('hex'));
      } catch {
        digests.set(file, '');
      }
    }
    return failures.get(digests.get(file) ?? '');
  };
  return readIssues(dir, root).flatMap((loaded) =>
    namedImages(loaded, resolve(root, loaded.file)).flatMap((n): Problem[] => {
      const failure = n.file === undefined ? undefined : failureOf(n.file);
      if (failure === undefined) return [];
      return [
        {
          severity: 'error',
          file: loaded.file,
          ...(n.line === undefined ? {} : { line: n.line }),
          ...(n.field === undefined ? {} : { field: n.field }),
          message: `${n.label}: ${failure}; save it again smaller, or in parts, and build again`,
        },
      ];
    }),
  );
}
