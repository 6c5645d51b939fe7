/**
 * The test layouts themselves (tests/support/pdf-layouts.ts) and the region score
 * (tests/support/region-score.ts): the truth recorded from the DOM is where the PDF prints the
 * text, each layout has the features it is meant to test, and the score tells good regions
 * from bad ones. The importer's tests rest on both.
 *
 * Seen failing: with the truth's line boxes moved down by three quarters of a line (in `inside`)
 * the first test fails on every layout (the lead's text no longer matches); the b test run on
 * layout a (whose 编前语 box stands above the reports) fails.
 */
import * as mupdf from 'mupdf';
import { describe, expect, test } from 'vitest';
import { LAYOUT_NAMES, makeLayoutPdf, seedTextImport, type Box, type LayoutName } from '../support/pdf-layouts.ts';
import { scoreRegions, unionArea } from '../support/region-score.ts';

const inside = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;

/** Every printed glyph of the PDF (mupdf), centre as fractions of the page. */
function glyphs(pdf: Uint8Array): { c: string; x: number; y: number }[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = doc.loadPage(0);
  const [, , width, height] = page.getBounds();
  const out: { c: string; x: number; y: number }[] = [];
  page.toStructuredText('preserve-whitespace').walk({
    onChar(c, _origin, _font, _size, quad) {
      if (!c.trim()) return;
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      out.push({ c, x: xs.reduce((s, v) => s + v) / 4 / width, y: ys.reduce((s, v) => s + v) / 4 / height });
    },
  });
  return out;
}

const sorted = (text: string) => [...text.replace(/\s/g, '')].sort().join('');

/** Each piece's printed words from the seed's text import: headlines, paragraphs, photo caption, bylines. */
function pieceTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of seedTextImport().page.pieces) {
    if (p.type === 'article') {
      const a = p.article;
      out[a.id] = [
        a.kicker,
        a.title,
        a.subtitle,
        ...a.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.caption + b.credit)),
        ...a.byline,
      ].join('');
    } else if (p.type === 'report') {
      const r = p.report;
      out[r.city?.slug ?? ''] = [`${r.city?.name}：`, ...r.headline, ...r.blocks.map((b) => b.text), r.reporter].join(
        '',
      );
    }
  }
  return out;
}

describe.each(LAYOUT_NAMES)('layout %s', (name: LayoutName) => {
  test("the PDF prints each piece's text inside the lines the truth recorded for it", async () => {
    const { pdf, truth } = await makeLayoutPdf(name);
    const printed = glyphs(pdf);
    const expected = pieceTexts();
    expect(truth.pieces.map((p) => p.of)).toEqual(Object.keys(expected));
    for (const piece of truth.pieces) {
      const mine = printed.filter((g) => piece.lines.some((l) => inside(l, g.x, g.y)));
      expect(sorted(mine.map((g) => g.c).join('')), piece.of).toBe(sorted(expected[piece.of] ?? ''));
    }
    // Outside every piece's lines: the masthead, and the continuation note on the last report's area.
    const astray = printed.filter((g) => !truth.pieces.some((p) => p.lines.some((l) => inside(l, g.x, g.y))));
    const notMasthead = astray.filter((g) => !truth.masthead.some((l) => inside(l, g.x, g.y)));
    expect(notMasthead.map((g) => g.c).join('')).toMatch(/^[(（]下转D3版[)）]$/);
    expect(notMasthead.every((g) => truth.pieces.at(-1)?.areas.some((a) => inside(a, g.x, g.y)))).toBe(true);
    expect(astray.length - notMasthead.length).toBeGreaterThan(40);
  });

  test('its own regions score full marks; a region of the whole page or of a neighbour does not', async () => {
    const { truth } = await makeLayoutPdf(name);
    const exact = truth.pieces.flatMap((p) => p.areas.map((a) => ({ of: p.of, ...a })));
    const score = scoreRegions(truth.pieces, exact);
    expect(score.stray).toEqual([]);
    for (const p of score.pieces) {
      expect(p.coverage, p.of).toBeCloseTo(1, 6);
      expect(p.precision, p.of).toBeCloseTo(1, 6);
    }
    const page = scoreRegions(truth.pieces, [{ of: 'xinzhou', x: 0, y: 0, w: 1, h: 1 }]).pieces;
    expect(page.find((p) => p.of === 'xinzhou')?.coverage).toBeCloseTo(1, 6);
    expect(page.find((p) => p.of === 'xinzhou')?.precision).toBeLessThan(0.2);
    expect(page.find((p) => p.of === 'lead')).toMatchObject({ regions: 0, coverage: 0 });
    const swapped = truth.pieces.find((p) => p.of === 'taiyuan')?.areas.map((a) => ({ of: 'yangquan', ...a })) ?? [];
    const wrong = scoreRegions(truth.pieces, swapped).pieces.find((p) => p.of === 'yangquan');
    expect(wrong?.coverage).toBeLessThan(0.2);
    expect(wrong?.precision).toBeLessThan(0.2);
    expect(scoreRegions(truth.pieces, [{ of: 'masthead', x: 0, y: 0, w: 1, h: 0.1 }]).stray).toEqual(['masthead']);
  });
});

describe('what each layout is made to test', () => {
  test('a: five columns; the headlines span them', async () => {
    const { truth } = await makeLayoutPdf('a');
    expect(truth.columns).toBe(5);
    const lead = truth.pieces.find((p) => p.of === 'lead');
    const widest = Math.max(...(lead?.areas.map((a) => a.w) ?? []));
    expect(widest).toBeGreaterThan(0.8);
    expect(truth.runOns.length).toBeGreaterThan(0);
  });

  test("b: the 编前语 box is set into the reports' columns, which run above and below it", async () => {
    const { truth } = await makeLayoutPdf('b');
    expect(truth.columns).toBe(4);
    const box = truth.pieces.find((p) => p.of === 'editors-note')?.areas[0] as Box;
    const reports = truth.pieces.slice(3).flatMap((p) => p.areas);
    const under = (a: Box) => a.x < box.x + box.w && a.x + a.w > box.x;
    expect(reports.some((a) => under(a) && a.y + a.h <= box.y)).toBe(true);
    expect(reports.some((a) => under(a) && a.y >= box.y + box.h)).toBe(true);
    // The photo spans two columns, beside the lead's text.
    expect(truth.photo.w).toBeGreaterThan(0.4);
  });

  test('c: six columns, a city heading split over a column foot, paragraphs running on', async () => {
    const { truth } = await makeLayoutPdf('c');
    expect(truth.columns).toBe(6);
    expect(truth.splitHeading).toBeDefined();
    const split = truth.pieces.find((p) => p.of === truth.splitHeading);
    // The heading's first lines end one column, its last line opens the next: two areas side by side.
    expect(split?.areas.length).toBeGreaterThanOrEqual(2);
    expect(truth.runOns.length).toBeGreaterThan(1);
  });
  test("d: the lead and the compilation side by side, the lead's headline wrapped", async () => {
    const { truth } = await makeLayoutPdf('d');
    expect(truth.columns).toBe(5);
    const [lead, ...rest] = truth.pieces;
    const leadRight = Math.max(...(lead?.areas.map((a) => a.x + a.w) ?? []));
    const restLeft = Math.min(...rest.flatMap((p) => p.areas.map((a) => a.x)));
    expect(leadRight).toBeLessThan(restLeft);
    const leadBottom = Math.max(...(lead?.areas.map((a) => a.y + a.h) ?? []));
    const restTop = Math.min(...rest.flatMap((p) => p.areas.map((a) => a.y)));
    expect(restTop).toBeLessThan(leadBottom);
    // The 主题 runs over more than one line: the lead's headline band holds at least five lines.
    const band = lead?.areas.find((a) => a.w > 0.3);
    expect(
      lead?.lines.filter((l) => band && l.y >= band.y && l.y + l.h <= band.y + band.h + 1e-9).length,
    ).toBeGreaterThanOrEqual(5);
  });
});

describe('the region score', () => {
  test('measures the union of rectangles, overlaps counted once', () => {
    const a = { x: 0, y: 0, w: 0.5, h: 0.5 };
    const b = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
    expect(unionArea([a, b])).toBeCloseTo(0.4375, 9);
    expect(unionArea([a], [b])).toBeCloseTo(0.0625, 9);
    expect(unionArea([a, a], [b, b])).toBeCloseTo(0.0625, 9);
  });

  test('coverage counts text lines; precision counts the area beside the piece', () => {
    const pieces = [
      {
        of: 'p',
        lines: [
          { x: 0, y: 0, w: 0.2, h: 0.01 },
          { x: 0, y: 0.02, w: 0.2, h: 0.01 },
        ],
        areas: [{ x: 0, y: 0, w: 0.2, h: 0.03 }],
      },
    ];
    const half = scoreRegions(pieces, [{ of: 'p', x: 0, y: 0, w: 0.2, h: 0.015 }]).pieces[0];
    expect(half?.coverage).toBeCloseTo(0.5, 9);
    expect(half?.precision).toBeCloseTo(1, 9);
    const wide = scoreRegions(pieces, [{ of: 'p', x: 0, y: 0, w: 0.4, h: 0.03 }]).pieces[0];
    expect(wide?.coverage).toBeCloseTo(1, 9);
    expect(wide?.precision).toBeCloseTo(0.5, 9);
  });
});
