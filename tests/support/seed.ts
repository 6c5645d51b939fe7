/** The seed page text: from ../shared/seed/ when present, else the copy under tests/fixtures/seed/. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ROOT } from './root.ts';

export { ROOT };
const SHARED = resolve(ROOT, '../shared/seed/kfjz-2024-18.txt');
const COPY = resolve(ROOT, 'tests/fixtures/seed/kfjz-2024-18.txt');

export const SEED_PATH = existsSync(SHARED) ? SHARED : COPY;
export const readSeed = () => readFileSync(SEED_PATH, 'utf8');
/**
 * The archive the build and browser tests own: the seed issue as committed when these tests were
 * written, copied so that the tests assert what they know whatever content/issues/ holds today.
 * The real archive is tested generically by tests/e2e/archive.test.ts.
 */
export const FIXTURE_ARCHIVE = resolve(ROOT, 'tests/fixtures/archive');
export const SEED_MDX = resolve(FIXTURE_ARCHIVE, '2024-18.mdx');

const PUNCT = /[，。、；：？！“”‘’（）()《》〈〉【】—…·\n#■]+/u;

/** The seed's clauses: runs of 6+ characters between Chinese punctuation marks, whitespace folded. */
export function clauses(text: string): string[] {
  return text
    .split(PUNCT)
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter((c) => [...c].length >= 6);
}
