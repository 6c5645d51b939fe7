/**
 * The PDF importer's draft beyond one page's layout: blocks with roles from several PDF pages
 * become one draft with a <Page> per 版, each article on the page it starts on, the front-matter's
 * pages with scan and regions; the refusals importPdf makes before reading any text.
 *
 * Seen failing: with every piece written into the first <Page> (the text importer's one page),
 * the two-page test.
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildPage } from '#lib/import/build-page.ts';
import { renderDraft } from '#lib/import/import-page.ts';
import { PdfImportError, importPdf } from '#lib/import/pdf/import-pdf.ts';
import { pageRegions } from '#lib/import/pdf/regions.ts';
import type { RoleBlock } from '#lib/import/role-blocks.ts';

const at = (x: number, y: number, w: number, h: number) => [{ x, y, w, h }];

const blocks: RoleBlock[] = [
  { role: 'masthead', text: '2024年第18期', lines: ['2024年第18期'], page: 'D1', rects: at(20, 20, 200, 12) },
  { role: 'title', text: '第一版的主题', lines: ['第一版的主题'], page: 'D1', rects: at(20, 60, 400, 24) },
  { role: 'body', text: '科学导报讯 5月10日，第一版的正文。', lines: [], page: 'D1', rects: at(20, 100, 180, 300) },
  { role: 'continuation', text: '(下转D2版)', lines: [], page: 'D1', rects: at(150, 410, 50, 9) },
  { role: 'title', text: '第二版的主题', lines: ['第二版的主题'], page: 'D2', rects: at(20, 60, 400, 24) },
  { role: 'body', text: '第二版的正文，写在第二页上。', lines: [], page: 'D2', rects: at(20, 100, 180, 200) },
  { role: 'body', text: '正文转到第二栏，仍是第二版。', lines: [], page: 'D2', rects: at(214, 100, 180, 120) },
];

describe('a draft of two PDF pages', () => {
  const draft = buildPage(blocks, { source: blocks.map((b) => b.text).join('\n'), joins: 'given' });
  const pages = ['D1', 'D2'].map((id) => ({
    id,
    scan: `./2024-18/${id}.webp`,
    regions: pageRegions(
      draft.pieces.flatMap((p) => (p.type === 'article' ? [{ of: p.article.id, rects: p.article.rects ?? [] }] : [])),
      { id, width: 842, height: 1191, column: 180, bodySize: 9 },
    ),
  }));
  const { mdx } = renderDraft(draft, '', { year: 2024, number: 18, page: 'D1' }, pages);
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1] ?? '') as {
    pages: { id: string; scan: string; regions: { of: string }[] }[];
    missingPages: string[];
    articles: { id: string; page: string }[];
  };

  test('has a <Page> per 版, each article in the page it is printed on', () => {
    const body = mdx.slice(mdx.indexOf('<Page'));
    expect([...body.matchAll(/<Page id="(\w+)">/g)].map((m) => m[1])).toEqual(['D1', 'D2']);
    expect(body.indexOf('第二版的正文')).toBeGreaterThan(body.indexOf('<Page id="D2">'));
    expect(front.articles.map((a) => [a.id, a.page])).toEqual([
      ['lead', 'D1'],
      ['article-1', 'D2'],
    ]);
  });

  test("lists both pages with their scans and each article's regions on its own page, one per column", () => {
    expect(front.pages.map((p) => [p.id, p.scan])).toEqual([
      ['D1', './2024-18/D1.webp'],
      ['D2', './2024-18/D2.webp'],
    ]);
    expect(front.pages[0]?.regions.every((r) => r.of === 'lead')).toBe(true);
    // Title band and two columns of text: three rectangles on D2.
    expect(front.pages[1]?.regions.map((r) => r.of)).toEqual(['article-1', 'article-1', 'article-1']);
  });

  test('a continuation onto a page the PDF holds is not a missing page', () => {
    expect(front.missingPages).toEqual([]);
  });
});

describe('importPdf refuses before reading', () => {
  test("a number of pages (版) other than the PDF's, naming what to give", async () => {
    const onePage = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 842 1191]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const error = await importPdf(onePage, { pages: ['D1', 'D2'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfImportError);
    expect((error as PdfImportError).reason).toBe('pages');
    expect((error as PdfImportError).message).toMatch(/1 page .*--pages D1/);
  });
});
