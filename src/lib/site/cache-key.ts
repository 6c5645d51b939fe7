/** A short digest of what a page shows, for its incremental-build cacheKey. Pure. */
import { createHash } from 'node:crypto';

export function contentKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
