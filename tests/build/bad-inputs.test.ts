/**
 * What the build adds to the content check on bad inputs. Every case of the bad-input corpus is
 * named by the check (tests/unit/bad-inputs.test.ts; those whose check decodes an image, in a
 * Node process of its own, here at the check too); `npm run build` runs that same check
 * (checkContent, with its cache) before Astro is loaded and stops on any error, so a case adds
 * nothing at the build but the refusal itself: the scripts' exit status and output, no stack
 * trace, the last good archive byte for byte as it was. That path is the same for every case;
 * one representative runs it here, through both scripts. Then what only the build can catch:
 * a failure inside Astro, an image the check takes but Astro cannot optimise, and inputs Astro
 * accepts that must render as the seed. The good archive is the shared test build, copied.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { MDX_COMPONENTS } from '#lib/check/body-allowlist.ts';
import { LAYOUT_IDS } from '#lib/check/body.ts';
import { ACCEPTED_INPUTS, BAD_INPUTS, decodesImages, expectedLine, seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { expectNamedByCheck } from '../support/bad-inputs.ts';
import { contentFolder, seedMdx } from '../support/content.ts';
import { htmlToText, readPage } from '../support/html.ts';
import { hashTree, runScript, type ScriptRun } from '../support/scripts.ts';
import { FIXTURE_ARCHIVE, ROOT, clauses, readSeed } from '../support/seed.ts';

const noStackTrace = (r: ScriptRun) => expect(r.output, 'no stack trace').not.toMatch(/^\s+at /m);

/** A build that stopped on `line` before building anything: the good archive is as it was. */
function expectRefused(build: ScriptRun, line: RegExp) {
  expect(build.output).toMatch(line);
  expect(build.output).toContain(`nothing was built; the previous ${dist} is unchanged.`);
  noStackTrace(build);
  expect(hashTree(dist)).toEqual(before);
  expect(readdirSync(work)).toEqual(['dist']);
}

let work: string;
let dist: string;
let before: Record<string, string>;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kfjz-bad-inputs-'));
  dist = join(work, 'dist');
  cpSync(inject('distDir'), dist, { recursive: true });
  before = hashTree(dist);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** After a case that failed by building, the good archive comes back, so the next case starts clean. */
function restoreDist() {
  if (JSON.stringify(hashTree(dist)) === JSON.stringify(before)) return;
  rmSync(dist, { recursive: true, force: true });
  cpSync(inject('distDir'), dist, { recursive: true });
}

/**
 * The representative: a figure the text does not state, the commonest mistake in an edited issue.
 * Its check reads the whole file (schema, body, figures ↔ text), so the build's check has the
 * full path to run before it refuses.
 */
const REPRESENTATIVE = BAD_INPUTS.find((c) => c.name === 'a figure the text does not state');
if (!REPRESENTATIVE) throw new Error('the representative bad input is no longer in the corpus');

describe('a bad input', () => {
  test(`${REPRESENTATIVE.name}: \`npm run check\` and \`npm run build\` name it, dist/ untouched`, async () => {
    const c = REPRESENTATIVE;
    const dir = contentFolder(c.files());
    try {
      const env = { KFJZ_CONTENT_DIR: dir, KFJZ_OUT_DIR: dist };
      const [check, build] = await Promise.all([runScript('check', [], env), runScript('build', [], env)]);
      const line = expectedLine(c.expect, dir);
      expect(check.status, check.output).toBe(1);
      expect(check.output).toMatch(line);
      expect(check.output).toMatch(/^failed: [1-9]\d* error\(s\)/m);
      noStackTrace(check);
      expect(build.status, build.output).toBe(1);
      expectRefused(build, line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      restoreDist();
    }
  });
});

describe('a bad input whose check decodes an image', () => {
  const cases = BAD_INPUTS.filter(decodesImages);

  test('the corpus has such mistakes', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases)('$name: the check names it, as an error', (c) => {
    const caches = mkdtempSync(join(tmpdir(), 'kfjz-bad-inputs-cache-'));
    try {
      expectNamedByCheck(c, join(caches, 'results.json'));
    } finally {
      rmSync(caches, { recursive: true, force: true });
    }
  });
});

describe('a build that fails inside Astro', () => {
  test('prints what Astro says without a stack trace, and leaves dist/ untouched', async () => {
    const r = await runScript('build', [], {
      KFJZ_CONTENT_DIR: FIXTURE_ARCHIVE,
      KFJZ_OUT_DIR: dist,
      SITE_URL: 'not a url',
    });
    expect(r.status, r.output).toBe(1);
    expect(r.output).toContain(`build failed; the previous ${dist} is unchanged.\nsite: Invalid URL`);
    noStackTrace(r);
    expect(hashTree(dist)).toEqual(before);
    expect(readdirSync(work)).toEqual(['dist']);
  });

  test('an image the check takes but Astro cannot optimise: named at its line, not published with a warning', async () => {
    // 1000 × 20000 pixels passes the check (20 megapixels), but no WebP may be over 16383 pixels a side.
    const tall = await sharp({ create: { width: 1000, height: 20000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const dir = contentFolder({
      '2024-18.mdx': seedEdited(['<Photo>', '<Photo src="./2024-18/tall.png" alt="一条很长的横幅">']),
      '2024-18/tall.png': tall,
    });
    try {
      const env = { KFJZ_CONTENT_DIR: dir, KFJZ_OUT_DIR: dist };
      const check = await runScript('check', [], env);
      expect(check.output).toMatch(/^ok: 0 error\(s\)/m);
      const build = await runScript('build', [], env);
      expect(build.status, build.output).toBe(1);
      const line = expectedLine(
        {
          file: '2024-18.mdx',
          line: { of: '<Photo src=' },
          message:
            /<Photo src="\.\/2024-18\/tall\.png">: the build could not make a WebP 1000 px wide of it \(Processed image is too large for the WebP format\); save it again smaller, or in parts, and build again$/,
        },
        dir,
      );
      expectRefused(build, line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('inputs Astro accepts', () => {
  test('a BOM and CRLF line endings pass the check and build to the same text as the seed', async () => {
    const [bom, crlf] = ACCEPTED_INPUTS.map((a) => a.text());
    const crlfAs19 = String(crlf).replace('number: 18\r\n', 'number: 19\r\n');
    const dir = contentFolder({ '2024-18.mdx': bom ?? '', '2024-19.mdx': crlfAs19 });
    const out = join(work, 'accepted');
    try {
      const check = await runScript('check', [], { KFJZ_CONTENT_DIR: dir });
      expect(check.output).toMatch(/^ok: 0 error\(s\)/m);
      const build = await runScript('build', [], { KFJZ_CONTENT_DIR: dir, KFJZ_OUT_DIR: out });
      expect(build.status, build.output).toBe(0);
      for (const [page, label] of [
        ['/issues/2024/18/', '第18期'],
        ['/issues/2024/19/', '第19期'],
      ] as const) {
        const html = readPage(out, page);
        const all = clauses(readSeed()).map((c) => c.replace('第18期', label));
        expect(
          all.filter((c) => !htmlToText(html).includes(c)),
          page,
        ).toEqual([]);
        expect(html).not.toMatch(/[\uFEFF\r]/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('what the body check knows about the pages', () => {
  test('the components it allows are the ones the issue page provides', () => {
    const body = readFileSync(join(ROOT, 'src/components/mdx/IssueBody.astro'), 'utf8');
    const provided = [...body.matchAll(/case '(\w+)':/g)].map((m) => m[1]);
    expect(provided?.sort()).toEqual([...MDX_COMPONENTS].sort());
  });

  test('every id on the built issue page is an anchor it knows', () => {
    const html = readPage(inject('distDir'), '/issues/2024/18/');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
    const seed = seedMdx();
    // A figure's clause (`xinzhou-signed-investment`) and a derived sum's note (`sum-lvliang-expectedOutput`).
    const figure = (id: string) =>
      /^(?:sum-)?(.+?)(?:-(?:signed|started|producing|total))?-(?:projects|investment|expectedOutput)$/.exec(id);
    const fromFigures = (id: string) => {
      const unit = figure(id)?.[1];
      return unit !== undefined && (seed.includes(`- city: ${unit}`) || /^province-2024-2$/.test(unit));
    };
    const fromContent = (id: string) =>
      fromFigures(id) ||
      seed.includes(`id="${id}"`) ||
      seed.includes(`- id: ${id}`) ||
      seed.includes(`- city: ${id}`) ||
      /^page-d1(-label)?$|^figures-2024-2$/.test(id);
    expect(ids.filter((id) => !fromContent(id) && !(LAYOUT_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});
