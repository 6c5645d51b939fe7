/**
 * `npm run bench:pdf [-- --runs 3 --layouts a,b]` (second part)
 * One A3 page imported end to end by `importPdf` (text with positions, layout, roles, the draft
 * and its figures, the scan, the photos, the regions): wall clock and CPU time per page, the
 * median of --runs after a first run that loads MuPDF's and sharp's code; then where one run's
 * time goes, step by step. Target (issue 21): at most 10 s per page on the project's 2-core
 * machine. The pages are the seed typeset at run time by the test layouts (synthetic layouts of
 * the real seed's text).
 */
import { buildPage } from '#lib/import/build-page.ts';
import { renderDraft } from '#lib/import/import-page.ts';
import { importPdf } from '#lib/import/pdf/import-pdf.ts';
import { layoutPage } from '#lib/import/pdf/layout.ts';
import { loadPage, openPdf, readPage, renderPage } from '#lib/import/pdf/read-pdf.ts';
import { assignRoles } from '#lib/import/pdf/roles.ts';
import { encodeScan, scanWidth } from '#lib/import/pdf/scan.ts';
import { makeLayoutPdf } from '../../tests/support/pdf-layouts.ts';
import { median, pdfBenchOptions } from './pdf-options.ts';

const { runs, layouts, json } = pdfBenchOptions();

/** One run's steps, timed one by one (the import's own code, called in its order). */
async function steps(pdf: Uint8Array): Promise<[string, number][]> {
  const out: [string, number][] = [];
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    out.push([name, now - t]);
    t = now;
  };
  const doc = openPdf(pdf);
  const page = loadPage(doc, 0);
  lap('open, interpret the page (display list)');
  const content = readPage(page);
  lap('text with positions (structured text)');
  const drawn = renderPage(page, scanWidth(content.width, content.height));
  lap(`draw the page at ${drawn.width} × ${drawn.height} px`);
  const layout = layoutPage(content);
  const blocks = assignRoles(layout).map((b) => ({ ...b, page: 'D1' }));
  lap('layout and roles');
  const source = blocks.map((b) => b.text).join('\n');
  const draft = buildPage(blocks, { source, joins: 'given' });
  renderDraft(draft, source, { page: 'D1' });
  lap('draft, figures, MDX');
  await encodeScan({ ...drawn, scale: drawn.width / content.width });
  lap('scan as WebP');
  return out;
}

const results = [];
for (const layout of layouts) {
  const { pdf } = await makeLayoutPdf(layout);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r <= runs; r++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await importPdf(pdf);
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  results.push({
    layout,
    firstMs: wall[0],
    medianMs: median(wall.slice(1)),
    cpuMs: median(cpu.slice(1)),
    steps: await steps(pdf),
  });
}

if (json) console.log(JSON.stringify(results));
else {
  console.log(`importPdf, one A3 page end to end (median of ${runs} runs after the first; target ≤ 10 s)`);
  for (const r of results) {
    console.log(
      `layout ${r.layout}: ${((r.medianMs as number) / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU (first run ${((r.firstMs as number) / 1000).toFixed(2)} s)`,
    );
    for (const [name, ms] of r.steps) console.log(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms`);
  }
}
process.exit(0);
