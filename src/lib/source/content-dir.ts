/** Where issues are read from; the content config, the check and the scripts all ask here. */
import { isAbsolute, join } from 'node:path';

/**
 * `content/issues`, or KFJZ_CONTENT_DIR (used by benchmarks and test fixtures to build a
 * synthetic archive without touching the real content).
 */
export function contentDir(root = process.cwd()): string {
  const dir = process.env.KFJZ_CONTENT_DIR ?? 'content/issues';
  return isAbsolute(dir) ? dir : join(root, dir);
}
