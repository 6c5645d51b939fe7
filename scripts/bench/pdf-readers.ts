/**
 * `npm run bench:pdf [-- --runs 3 --layouts a,b]` (first part)
 * MuPDF.js and pdf.js side by side on the same PDFs: the seed page typeset at run time by the
 * test layouts (tests/support/pdf-layouts.ts; Chromium prints its CJK text as Type3 fonts, as
 * many exporters embed subset fonts). Per reader and layout: the time to open the file and get
 * the page's text with positions (the median of --runs, first run apart: it loads the library's
 * code), the characters read, how many are Kangxi radicals or compatibility ideographs where the
 * page prints ordinary ones, and CJK correctness as the share of the seed's clauses found
 * verbatim in the reader's text, lines run together, as read and after NFKC (synthetic layouts
 * of the real seed's text).
 */
import * as mupdf from 'mupdf';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeLayoutPdf, type LayoutName } from '../../tests/support/pdf-layouts.ts';
import { median, pdfBenchOptions } from './pdf-options.ts';
import { clauses, readSeed } from '../../tests/support/seed.ts';

const { runs, layouts, json } = pdfBenchOptions();

/** Text with positions, as each importer would need it: every glyph run with its box. */
const READERS: Record<string, (pdf: Uint8Array) => Promise<string>> = {
  'MuPDF.js 1.28': async (pdf) => {
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    const page = doc.loadPage(0);
    const stext = page.toStructuredText('preserve-whitespace,inhibit-spaces,preserve-images');
    let text = '';
    stext.walk({
      onChar: (c) => {
        text += c;
      },
      endLine: () => {
        text += '\n';
      },
    });
    doc.destroy();
    return text;
  },
  'pdf.js 6.5': async (pdf) => {
    const task = pdfjs.getDocument({ data: pdf.slice(), useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    await task.destroy();
    return text;
  },
};

const seedClauses = clauses(readSeed()).filter((c) => c !== '开发区建设');

interface Row {
  reader: string;
  layout: LayoutName;
  firstMs: number;
  medianMs: number;
  /** CPU time of the median run: steadier than the wall clock on a shared machine. */
  cpuMs: number;
  chars: number;
  radicals: number;
  clauseShare: number;
  clauseShareNfkc: number;
}

const rows: Row[] = [];
for (const layout of layouts) {
  const { pdf } = await makeLayoutPdf(layout);
  for (const [reader, read] of Object.entries(READERS)) {
    const times: number[] = [];
    const cpu: number[] = [];
    let text = '';
    for (let r = 0; r <= runs; r++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      text = await read(pdf);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
    // Lines run together and spaces out, as the importers join a column's lines.
    const flat = text.replace(/\s+/g, '');
    const share = (t: string) =>
      seedClauses.filter((c) => t.includes(c.replace(/\s+/g, ''))).length / seedClauses.length;
    // Kangxi radicals (U+2F00…) and compatibility ideographs where the page prints 山, 大, 生:
    // a reader that takes an exporter's ambiguous ToUnicode map at its word.
    const radicals = [...flat].filter((ch) => /[\u2E80-\u2FDF\uF900-\uFAFF]/u.test(ch)).length;
    rows.push({
      reader,
      layout,
      firstMs: times[0] as number,
      medianMs: median(times.slice(1)),
      cpuMs: median(cpu.slice(1)),
      chars: flat.length,
      radicals,
      clauseShare: share(flat),
      clauseShareNfkc: share(flat.normalize('NFKC')),
    });
  }
}

if (json) console.log(JSON.stringify(rows));
else {
  console.log(
    `PDF readers on the seed page typeset as PDF (${seedClauses.length} clauses; median of ${runs} runs after the first)`,
  );
  console.log('reader          layout  first run  median      CPU   chars  radicals  clauses found  after NFKC');
  for (const r of rows) {
    console.log(
      `${r.reader.padEnd(15)} ${r.layout.padEnd(7)} ${`${r.firstMs.toFixed(0)} ms`.padStart(9)} ${`${r.medianMs.toFixed(0)} ms`.padStart(7)} ${`${r.cpuMs.toFixed(0)} ms`.padStart(8)} ${String(r.chars).padStart(6)} ${String(r.radicals).padStart(9)}  ${`${(r.clauseShare * 100).toFixed(1)}%`.padStart(13)}  ${`${(r.clauseShareNfkc * 100).toFixed(1)}%`.padStart(9)}`,
    );
  }
}
process.exit(0);
