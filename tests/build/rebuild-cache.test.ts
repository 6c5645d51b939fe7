/**
 * The build's caches (Astro's incremental build, each issue's content-check result, the closed
 * years' search index) never publish a stale page: after a build fills them, an editor changes
 * an issue and adds another; the rebuild reuses what did not change (the pages of unchanged
 * issues among it) and equals, file by file, a clean build of the same content.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../fixtures/synthetic/generate.ts';
import { seedWith } from '../support/content.ts';
import { projectCopy } from '../support/build-site.ts';
import { hashTree, runScript } from '../support/scripts.ts';

const work = mkdtempSync(join(tmpdir(), 'kfjz-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = projectCopy(join(work, 'project'));

/** `npm run build` of `content` into `out`, with caches under `caches`. */
async function build(content: string, out: string, caches: string) {
  const env = {
    KFJZ_CONTENT_DIR: content,
    KFJZ_OUT_DIR: out,
    KFJZ_CACHE_DIR: join(caches, 'kfjz'),
    KFJZ_ASTRO_CACHE_DIR: join(caches, 'astro'),
  };
  const r = await runScript('build', [], env, project);
  expect(r.status, r.output).toBe(0);
  // Astro colours its log whenever CI is set.
  return stripVTControlCharacters(r.output);
}

const rewordSeed = (to: string) => seedWith('据了解，本次活动，忻州市', `${to}，本次活动，忻州市`);

describe('a rebuild after an edit', () => {
  test('reuses the closed years while they are unchanged, and equals a clean build file by file', async () => {
    // The seed (2024, the newest year) and two synthetic issues of 2000 (a closed year).
    const content = join(work, 'content');
    generateArchive({ dir: content, issues: 2, seed: 18 });
    writeFileSync(join(content, '2024-18.mdx'), rewordSeed('据悉'));
    const out = join(work, 'dist');
    const caches = join(work, 'caches');
    await build(content, out, caches);

    // An edit in the newest year: the closed years' index comes from the cache.
    writeFileSync(join(content, '2024-18.mdx'), rewordSeed('据报道'));
    const rebuilt = await build(content, out, caches);
    expect(rebuilt).toMatch(/closed years \(2000–2000\) reused from the cache/);
    // The unchanged issues' pages are reused, not rendered again (Astro says "restored").
    expect(rebuilt).toMatch(/\/issues\/2000\/1\/index\.html \(restored\)/);
    expect(rebuilt).toMatch(/\/issues\/2000\/2\/index\.html \(restored\)/);
    expect(rebuilt).not.toMatch(/\/issues\/2024\/18\/index\.html \(restored\)/);
    const clean = async (name: string) => {
      const dir = join(work, name);
      await build(content, dir, join(work, `${name}-caches`));
      return hashTree(dir);
    };
    expect(hashTree(out)).toEqual(await clean('clean-1'));

    // An edit in a closed year: that index is built anew.
    const closed = join(content, '2000-01.mdx');
    const text = readFileSync(closed, 'utf8');
    const edited = text.replace(/^科学导报讯/m, '本报讯');
    expect(edited).not.toBe(text);
    writeFileSync(closed, edited);
    expect(await build(content, out, caches)).not.toMatch(/reused from the cache/);
    expect(hashTree(out)).toEqual(await clean('clean-2'));
  }, 900_000);
});
