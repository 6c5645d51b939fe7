/**
 * `npm run import -- <page.pdf | text-file> [--year Y --number N] [--page D1 | --pages D1,D2] [--city slug] [--out file.mdx] [--json]`
 * Turns a page's PDF (one 版 per PDF page), or the plain-text extraction of a printed page, into
 * a draft issue MDX, with figures pre-filled by the figure extractor and review notes where it
 * guessed. From a PDF it also writes the printed page beside the draft: each page's scan, the
 * photos cut out of it, and each article's and city report's regions on it. `--city` names the
 * city of a text that says only 我市. `--json` prints only the extracted figures. Without --out
 * the draft goes to content/issues/YYYY-NN.mdx, never over an existing file; nothing is written
 * when anything fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeKnownCities, isCitySlug } from '#data/cities.ts';
import { importPage } from '#lib/import/import-page.ts';
import { PdfImportError, importPdf } from '#lib/import/pdf/import-pdf.ts';
import { issueKey } from '#schemas/issue.ts';

const usage =
  'usage: npm run import -- <page.pdf | text-file> [--year 2024 --number 19] [--page D1 | --pages D1,D2] [--city xinzhou] [--out file.mdx] [--json]';

function fail(message: string): never {
  console.error(`import: ${message}\n${usage}`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        number: { type: 'string' },
        page: { type: 'string' },
        pages: { type: 'string' },
        city: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const [file] = positionals;
if (!file) fail('name the page PDF or text file to import');
if (!existsSync(file)) fail(`no such file: ${file}`);
const bytes = readFileSync(file);
const isPdf = /\.pdf$/i.test(file) || bytes.subarray(0, 5).toString('latin1') === '%PDF-';

if (values.city !== undefined && !isCitySlug(values.city)) {
  fail(`--city ${values.city}: expected one of ${describeKnownCities()}`);
}
const PAGE = /^[A-Z]{1,2}\d{1,2}$/;
if (values.page !== undefined && values.pages !== undefined) fail('give --page or --pages, not both');
const pageIds = values.pages?.split(',').map((p) => p.trim()) ?? [values.page ?? 'D1'];
for (const id of pageIds)
  if (!PAGE.test(id)) fail(`${values.pages ? '--pages' : '--page'} ${id}: expected a page like D1`);
if (new Set(pageIds).size !== pageIds.length) fail(`--pages ${values.pages}: each page (版) once`);
if (values.pages !== undefined && !isPdf)
  fail('--pages is for a PDF of several pages; a text file is one page (--page)');
const given = (flag: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) fail(`--${flag} ${v}: expected a whole number`);
  return Number(v);
};
const options = {
  ...(values.year === undefined ? {} : { year: given('year', values.year) as number }),
  ...(values.number === undefined ? {} : { number: given('number', values.number) as number }),
  page: pageIds[0] as string,
  ...(values.city !== undefined && isCitySlug(values.city) ? { city: values.city } : {}),
};

// Structure (masthead, articles, each report's unit, column-break joins), then figures and MDX;
// from a PDF also the printed page: scans, photos and regions.
let rendered: ReturnType<typeof importPage>['rendered'];
let page: ReturnType<typeof importPage>['page'];
let files: { path: string; bytes: Uint8Array }[] = [];
if (isPdf) {
  try {
    const started = performance.now();
    const imported = await importPdf(new Uint8Array(bytes), {
      ...options,
      pages: pageIds,
      onPage: ({ id, index, of, ms }) => {
        if (!values.json) console.log(`page ${index + 1}/${of} ${id}: read in ${(ms / 1000).toFixed(1)} s`);
      },
    });
    ({ rendered, page, files } = imported);
    if (!values.json) console.log(`imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (error instanceof PdfImportError) fail(`${file}: ${error.message}; nothing was written`);
    throw error;
  }
} else {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${file} is not UTF-8 text; convert it first (e.g. iconv -f GBK -t UTF-8)`);
  }
  ({ page, rendered } = importPage(raw, options));
}
const year = options.year ?? page.year;
const number = options.number ?? page.number;

if (values.json) {
  console.log(JSON.stringify(rendered.figures));
} else {
  if (!year || !Number.isInteger(year) || !number || !Number.isInteger(number)) {
    fail('the text states no `YYYY年第N期`; give --year and --number');
  }
  const out = resolve(values.out ?? `content/issues/${issueKey({ year, number })}.mdx`);
  const targets = [out, ...files.map((f) => resolve(dirname(out), f.path))];
  const taken = targets.filter((t) => existsSync(t));
  if (taken.length > 0 && !values.force)
    fail(
      `${taken.join(', ')} ${taken.length === 1 ? 'exists; it is' : 'exist; they are'} not overwritten (choose --out, or --force for a draft file); nothing was written`,
    );
  for (const f of files) {
    const path = resolve(dirname(out), f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
  writeFileSync(out, rendered.mdx);
  console.log(`draft written to ${out}`);
  for (const f of files) console.log(`  with ${resolve(dirname(out), f.path)}`);
  for (const note of rendered.review) console.log(`review: ${note}`);
  console.log('next: read the draft against the page, then `npm run check`');
}
