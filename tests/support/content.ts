/** Variants of the seed issue for tests: the real file with one edit, written to a temp folder. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { SEED_MDX } from './seed.ts';

export const seedMdx = () => readFileSync(SEED_MDX, 'utf8');

/** The seed with `from` replaced by `to` (the edit must apply exactly once). */
export function seedWith(from: string | RegExp, to: string): string {
  const src = seedMdx();
  const out = src.replace(from, to);
  if (out === src) throw new Error(`test edit did not apply: ${String(from)}`);
  return out;
}

/** A file of a test's content folder: its text or bytes, or a symbolic link to `link` (as written). */
export type ContentFile = string | Buffer | { link: string };

/** A temp content folder holding the given files (name → text; `2024-18/D1.png` makes the folder). */
export function contentFolder(files: Record<string, ContentFile>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kfjz-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (typeof text === 'object' && 'link' in text) symlinkSync(text.link, join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A maker of content folders for one test file; each folder is removed after the test that made it. */
export function contentFolders(): (files?: Record<string, ContentFile>) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (files = {}) => {
    const dir = contentFolder(files);
    made.push(dir);
    return dir;
  };
}
