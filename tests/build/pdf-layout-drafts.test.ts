/**
 * The PDF importer (issue 21) on the seed page typeset in layouts of our own
 * (tests/support/pdf-layouts.ts; `d` is held out from the importer's development): the draft
 * equals the text import of the seed piece by piece, the regions cover each piece's text and stay
 * on it (tests/support/region-score.ts), the scan and the photo are cut from the page at the size
 * the 版面 view needs. The refusals are in pdf-refusals.test.ts, the check and the build in
 * pdf-import.test.ts.
 *
 * Seen failing (each broken once, then restored): the scan's expected width set to 4800; the
 * photo's printed proportions doubled. The draft, figure and region tests were red on the first,
 * partial importPdf (headings read as articles, regions of one piece over another's column).
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { importPdf } from '#lib/import/pdf/import-pdf.ts';
import type { ImportedPdf } from '#lib/import/pdf/types.ts';
import { MAX_IMAGE_PIXELS } from '#lib/check/image-rules.ts';
import { draftOutline, draftPages } from '../support/pdf-draft.ts';
import {
  LAYOUT_NAMES,
  makeLayoutPdf,
  seedTextImport,
  type LayoutName,
  type LayoutTruth,
} from '../support/pdf-layouts.ts';
import { scoreRegions } from '../support/region-score.ts';

/** The 版面 view serves the scan up to 2400 px wide (src/components/issue/Facsimile.astro). */
const SCAN_WIDTH = 2400;
const COVERAGE = 0.85;
const PRECISION = 0.8;

const seed = seedTextImport();
const want = draftOutline(seed.page);

describe.each(LAYOUT_NAMES)('the seed page as PDF, layout %s', (name: LayoutName) => {
  let imported: ImportedPdf;
  let truth: LayoutTruth;
  let got: ReturnType<typeof draftOutline>;
  beforeAll(async () => {
    const made = await makeLayoutPdf(name);
    truth = made.truth;
    imported = await importPdf(made.pdf, {});
    got = draftOutline(imported.page);
  }, 120_000);

  test('the masthead, the issue and its round equal the text import', () => {
    expect(got.issue).toEqual(want.issue);
  });

  test('the articles and their headlines (引题 / 主题 / 副题, dateline, byline) equal the text import', () => {
    expect(got.articles).toEqual(want.articles);
  });

  test('6 city reports with their heading lines, reporters and venues', () => {
    expect(got.reports).toHaveLength(6);
    expect(got.reports).toEqual(want.reports);
  });

  test("every piece's paragraphs equal the text import's, column breaks joined", () => {
    expect(got.paragraphs).toEqual(want.paragraphs);
    expect(got.continuations).toEqual(want.continuations);
  });

  test('a paragraph run on into the next column is joined from the geometry, not left for review', () => {
    expect(imported.rendered.mdx).not.toContain('审校');
    const blocks = imported.page.pieces.flatMap((p) =>
      p.type === 'report' ? p.report.blocks : p.type === 'article' ? p.article.blocks : [],
    );
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.review)).toEqual([]);
  });

  test("the figures equal the text import's", () => {
    expect(imported.rendered.figures).toEqual(seed.rendered.figures);
  });

  test('the photo with its caption and credit, cut out of the page as a file the draft names', async () => {
    expect(got.photos).toEqual(want.photos);
    const srcs = [...imported.rendered.mdx.matchAll(/<Photo\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs).toHaveLength(want.photos.length);
    const file = imported.files.find((f) => f.path === srcs[0]);
    expect(file, `no file for <Photo src="${srcs[0]}">`).toBeDefined();
    const meta = await sharp(file?.bytes).metadata();
    // Cut from the page: the printed photo's proportions (within 3%).
    const printed = (truth.photo.w * truth.width) / (truth.photo.h * truth.height);
    expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) / printed - 1)).toBeLessThan(0.03);
  });

  test('the scan: a file beside the issue, the page at the size the 版面 view needs', async () => {
    const pages = draftPages(imported.rendered.mdx);
    expect(pages.map((p) => p.id)).toEqual(['D1']);
    const scan = pages[0]?.scan;
    expect(scan).toMatch(/^\.\/2024-18\/[^/]+\.(webp|png|jpg)$/);
    const file = imported.files.find((f) => f.path === scan);
    expect(file, `no file for scan ${scan}`).toBeDefined();
    const meta = await sharp(file?.bytes).metadata();
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    expect(width).toBeGreaterThanOrEqual(SCAN_WIDTH);
    expect(width * height).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(Math.abs(width / height / (truth.width / truth.height) - 1)).toBeLessThan(0.005);
  });

  test(`each piece's regions cover ≥ ${COVERAGE * 100}% of its text, each lies ≥ ${PRECISION * 100}% on it`, () => {
    const regions = draftPages(imported.rendered.mdx)[0]?.regions ?? [];
    const score = scoreRegions(truth.pieces, regions);
    expect(score.stray).toEqual([]);
    const short = score.pieces
      .filter((p) => p.coverage < COVERAGE || p.precision < PRECISION)
      .map(
        (p) => `${p.of}: ${p.regions} regions, coverage ${p.coverage.toFixed(3)}, precision ${p.precision.toFixed(3)}`,
      );
    expect(short).toEqual([]);
  });
});
