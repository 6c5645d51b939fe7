/**
 * From the page PDF to the built archive (issue 21), for each test layout of the seed page
 * (tests/support/pdf-layouts.ts; `d` held out): `npm run import -- page.pdf --out …` writes the
 * draft with its scan and photo into an empty content folder, the content check passes on it,
 * the archive builds, and the built issue page holds at least 99% of the seed's clauses and
 * shows the 版面 with a link per article and city report.
 *
 * Seen failing: with the photo file deleted from the content folder after the import, the check
 * names the missing file and the build fails (broken once, then restored). Layout c's page
 * holds 249 of the 251 clauses, so a target of 100% would fail it.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { contentFolder } from '../support/content.ts';
import { buildSite } from '../support/build-site.ts';
import { htmlToText, readPage } from '../support/html.ts';
import { LAYOUT_NAMES, makeLayoutPdf, type LayoutName } from '../support/pdf-layouts.ts';
import { runScript } from '../support/scripts.ts';
import { SEED_ANCHORS } from '../support/seed-figures.ts';
import { clauses, readSeed } from '../support/seed.ts';

const PIECES = SEED_ANCHORS;

describe.each(LAYOUT_NAMES)('layout %s: import, check, build', (name: LayoutName) => {
  const issues = contentFolder({});
  const draft = join(issues, '2024-18.mdx');
  let output = '';
  let built: { dist: string; remove: () => void } | undefined;

  beforeAll(async () => {
    const { pdf } = await makeLayoutPdf(name);
    const input = join(contentFolder({}), `d1-${name}.pdf`);
    writeFileSync(input, pdf);
    const run = await runScript('import', [input, '--year', '2024', '--number', '18', '--out', draft], {});
    output = run.output;
    if (run.status !== 0) throw new Error(`npm run import failed:\n${run.output}`);
  }, 180_000);
  afterAll(() => built?.remove());

  test('npm run import writes the draft, its scan and its photo into the content folder', () => {
    expect(output).toContain(draft);
    expect(readdirSync(issues).sort()).toEqual(['2024-18', '2024-18.mdx']);
    const files = readdirSync(join(issues, '2024-18'));
    expect(files.filter((f) => /^D1\.(webp|png|jpg)$/.test(f))).toHaveLength(1);
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  test('the draft passes the content check', () => {
    expect(checkContent(issues, issues).map(formatProblem)).toEqual([]);
  });

  test("the archive builds, and its issue page holds ≥ 99% of the seed's clauses and the 版面", () => {
    built = buildSite({ KFJZ_CONTENT_DIR: issues });
    const html = readPage(built.dist, '/issues/2024/18/');
    const text = htmlToText(html);
    const all = clauses(readSeed());
    const missing = all.filter((c) => !text.includes(c));
    console.log(`layout ${name}: seed clauses on the built page ${all.length - missing.length}/${all.length}`);
    expect(all.length).toBeGreaterThan(150);
    expect(missing.length / all.length, `missing: ${missing.join(' | ')}`).toBeLessThanOrEqual(0.01);
    // The 版面: the scan with a link per piece printed on it.
    expect(html).toContain('id="page-d1-scan"');
    for (const piece of PIECES) expect(html, piece).toContain(`id="page-d1-scan-${piece}"`);
  }, 600_000);
});
