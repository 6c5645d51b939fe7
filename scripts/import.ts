/**
 * `npm run import -- <text-file> [--year Y --number N] [--page D1] [--out file.mdx] [--json]`
 * Turns the plain-text extraction of a printed page into a draft issue MDX, with figures
 * pre-filled by the figure extractor and review notes where it guessed. `--json` prints only
 * the extracted figures. Without --out the draft goes to content/issues/YYYY-NN.mdx, never
 * over an existing file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFigures, extractProvinceFigures } from '#lib/extract/extractor.ts';
import { parsePage } from '#lib/import/page-text.ts';
import { renderIssueMdx } from '#lib/import/to-mdx.ts';
import { issueKey } from '#schemas/issue.ts';

const usage = 'usage: npm run import -- <text-file> [--year 2024 --number 19] [--page D1] [--out file.mdx] [--json]';

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
        page: { type: 'string', default: 'D1' },
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
if (!file) fail('name the page text file to import');
if (!existsSync(file)) fail(`no such file: ${file}`);
let raw: string;
try {
  raw = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
} catch {
  fail(`${file} is not UTF-8 text; convert it first (e.g. iconv -f GBK -t UTF-8)`);
}

// 1. Structure: masthead, articles, city reports, column-break joins.
const page = parsePage(raw);
const year = values.year ? Number(values.year) : page.year;
const number = values.number ? Number(values.number) : page.number;
if (!year || !Number.isInteger(year) || !number || !Number.isInteger(number)) {
  fail('the text states no `YYYY年第N期`; give --year and --number');
}
if (!/^[A-Z]{1,2}\d{1,2}$/.test(values.page)) fail(`--page ${values.page}: expected a page like D1`);

// 2. Figures and the MDX text.
const rendered = renderIssueMdx(page, {
  year,
  number,
  page: values.page,
  figures: { report: extractFigures, province: extractProvinceFigures },
});

if (values.json) {
  console.log(JSON.stringify(rendered.figures));
} else {
  const out = resolve(values.out ?? `content/issues/${issueKey({ year, number })}.mdx`);
  if (existsSync(out) && !values.force)
    fail(`${out} exists; it is not overwritten (choose --out, or --force for a draft file)`);
  writeFileSync(out, rendered.mdx);
  console.log(`draft written to ${out}`);
  for (const note of rendered.review) console.log(`review: ${note}`);
  console.log('next: read the draft against the page, then `npm run check`');
}
