/**
 * `npm run bench:pdf-targets [-- --layouts a,b,c] [--runs 3] [--skip-build] [--json]`
 * Issue 21's targets, measured on the seed page typeset as PDF in the test layouts
 * (tests/support/pdf-layouts.ts; those not in DEVELOPMENT_LAYOUTS are held out from the importer's development). Per layout:
 * whether the figures equal the text import's, whether the draft's pieces do, the city reports
 * with their heading lines, each piece's region coverage and precision (tests/support/
 * region-score.ts; the least over the pieces), the share of the seed's clauses on the built issue
 * page, and the time `importPdf` takes per page (text, layout, scan, regions; the median of
 * `--runs`, with the CPU time beside it, the steadier figure on a shared machine).
 * `--skip-build` leaves out the build (the clause share); `--json` prints the figures as JSON.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { importPdf } from '#lib/import/pdf/import-pdf.ts';
import type { ImportedPdf } from '#lib/import/pdf/types.ts';
import { buildSite } from '../../tests/support/build-site.ts';
import { htmlToText, readPage } from '../../tests/support/html.ts';
import { draftOutline, draftPages } from '../../tests/support/pdf-draft.ts';
import {
  DEVELOPMENT_LAYOUTS,
  LAYOUT_NAMES,
  makeLayoutPdf,
  seedTextImport,
  type LayoutName,
} from '../../tests/support/pdf-layouts.ts';
import { scoreRegions, type PieceScore } from '../../tests/support/region-score.ts';
import { clauses, readSeed } from '../../tests/support/seed.ts';

const { values } = parseArgs({
  options: {
    layouts: { type: 'string', default: LAYOUT_NAMES.join(',') },
    runs: { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const layouts = values.layouts
  .split(',')
  .filter((l): l is LayoutName => (LAYOUT_NAMES as readonly string[]).includes(l));
const runs = Math.max(1, Number(values.runs) || 1);

interface LayoutFigures {
  layout: LayoutName;
  figuresMatch: boolean;
  /** Which parts of the draft equal the text import's. */
  draft: Record<'issue' | 'articles' | 'reports' | 'paragraphs' | 'photos', boolean>;
  /** City reports whose city, heading lines and reporter equal the text import's, of 6. */
  cityReports: number;
  regions: PieceScore[];
  minCoverage: number;
  minPrecision: number;
  /** Seed clauses on the built issue page, or undefined with --skip-build or when the build failed. */
  clauses?: { found: number; of: number };
  buildError?: string;
  /** Median wall time and its CPU time per page, in milliseconds. */
  ms: number;
  cpuMs: number;
}

/** The draft and its files in a fresh content folder, built; the seed's clauses found on its issue page. */
function clausesOnBuiltPage(imported: ImportedPdf): { found: number; of: number } {
  const issues = mkdtempSync(join(tmpdir(), 'kfjz-pdf-targets-'));
  writeFileSync(join(issues, '2024-18.mdx'), imported.rendered.mdx);
  for (const file of imported.files) {
    const path = join(issues, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
  const built = buildSite({ KFJZ_CONTENT_DIR: issues });
  try {
    const text = htmlToText(readPage(built.dist, '/issues/2024/18/'));
    const all = clauses(readSeed());
    return { found: all.filter((c) => text.includes(c)).length, of: all.length };
  } finally {
    built.remove();
  }
}

const seed = seedTextImport();
const want = draftOutline(seed.page);
const results: LayoutFigures[] = [];

for (const layout of layouts) {
  const { pdf, truth } = await makeLayoutPdf(layout);
  const times: { ms: number; cpuMs: number }[] = [];
  let imported: ImportedPdf | undefined;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    imported = await importPdf(pdf, {});
    const used = process.cpuUsage(cpu);
    times.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  if (!imported) throw new Error('no run');
  times.sort((p, q) => p.ms - q.ms);
  const median = times[Math.floor(times.length / 2)] as { ms: number; cpuMs: number };
  const got = draftOutline(imported.page);
  const regions = scoreRegions(truth.pieces, draftPages(imported.rendered.mdx)[0]?.regions ?? []).pieces;
  const figures: LayoutFigures = {
    layout,
    figuresMatch: isDeepStrictEqual(imported.rendered.figures, seed.rendered.figures),
    draft: {
      issue: isDeepStrictEqual(got.issue, want.issue),
      articles: isDeepStrictEqual(got.articles, want.articles),
      reports: isDeepStrictEqual(got.reports, want.reports),
      paragraphs: isDeepStrictEqual(got.paragraphs, want.paragraphs),
      photos: isDeepStrictEqual(got.photos, want.photos),
    },
    cityReports: want.reports.filter((r) =>
      got.reports.some(
        (g) => g.city === r.city && isDeepStrictEqual(g.headline, r.headline) && g.reporter === r.reporter,
      ),
    ).length,
    regions,
    minCoverage: Math.min(...regions.map((r) => r.coverage)),
    minPrecision: Math.min(...regions.map((r) => r.precision)),
    ms: median.ms,
    cpuMs: median.cpuMs,
  };
  if (!values['skip-build']) {
    try {
      figures.clauses = clausesOnBuiltPage(imported);
    } catch (error) {
      figures.buildError = (error as Error).message.split('\n')[0] ?? 'the build failed';
    }
  }
  results.push(figures);
}

if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  for (const r of results) {
    console.log(`layout ${r.layout}${DEVELOPMENT_LAYOUTS.includes(r.layout) ? '' : ' (held out)'}`);
    console.log(`  figures match the text import: ${yes(r.figuresMatch)}`);
    console.log(
      `  draft = text import: ${Object.entries(r.draft)
        .map(([k, v]) => `${k} ${yes(v)}`)
        .join(', ')}`,
    );
    console.log(`  city reports with their heading lines: ${r.cityReports}/6`);
    console.log(
      `  seed clauses on the built page: ${
        r.clauses
          ? `${r.clauses.found}/${r.clauses.of} (${pct(r.clauses.found / r.clauses.of)})`
          : (r.buildError ?? 'not built (--skip-build)')
      }`,
    );
    console.log(`  regions: least coverage ${pct(r.minCoverage)}, least precision ${pct(r.minPrecision)}`);
    for (const p of r.regions) {
      console.log(
        `    ${p.of.padEnd(13)} ${String(p.regions).padStart(2)} regions  coverage ${pct(p.coverage).padStart(6)}  precision ${pct(p.precision).padStart(6)}`,
      );
    }
    console.log(
      `  import time per page: ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU (median of ${runs})`,
    );
  }
}
