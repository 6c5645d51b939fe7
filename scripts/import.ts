/**
 * `npm run import -- <text-file> [--year Y --number N] [--page D1] [--city slug] [--out file.mdx] [--json]`
 * Turns the plain-text extraction of a printed page into a draft issue MDX, with figures
 * pre-filled by the figure extractor and review notes where it guessed. `--city` names the city
 * of a text that says only 我市. `--json` prints only the extracted figures. Without --out the
 * draft goes to content/issues/YYYY-NN.mdx, never over an existing file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeKnownCities, isCitySlug } from '#data/cities.ts';
import { importPage } from '#lib/import/import-page.ts';
import { issueKey } from '#schemas/issue.ts';

const usage =
  'usage: npm run import -- <text-file> [--year 2024 --number 19] [--page D1] [--city xinzhou] [--out file.mdx] [--json]';

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
if (!file) fail('name the page text file to import');
if (!existsSync(file)) fail(`no such file: ${file}`);
let raw: string;
try {
  raw = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
} catch {
  fail(`${file} is not UTF-8 text; convert it first (e.g. iconv -f GBK -t UTF-8)`);
}

if (values.city !== undefined && !isCitySlug(values.city)) {
  fail(`--city ${values.city}: expected one of ${describeKnownCities()}`);
}
if (!/^[A-Z]{1,2}\d{1,2}$/.test(values.page)) fail(`--page ${values.page}: expected a page like D1`);
const given = (v: string | undefined) => (v === undefined ? undefined : Number(v));

// Structure (masthead, articles, each report's unit, column-break joins), then figures and MDX.
const { page, rendered } = importPage(raw, {
  ...(values.year === undefined ? {} : { year: Number(values.year) }),
  ...(values.number === undefined ? {} : { number: Number(values.number) }),
  page: values.page,
  ...(values.city !== undefined && isCitySlug(values.city) ? { city: values.city } : {}),
});
const year = given(values.year) ?? page.year;
const number = given(values.number) ?? page.number;

if (values.json) {
  console.log(JSON.stringify(rendered.figures));
} else {
  if (!year || !Number.isInteger(year) || !number || !Number.isInteger(number)) {
    fail('the text states no `YYYY年第N期`; give --year and --number');
  }
  const out = resolve(values.out ?? `content/issues/${issueKey({ year, number })}.mdx`);
  if (existsSync(out) && !values.force)
    fail(`${out} exists; it is not overwritten (choose --out, or --force for a draft file)`);
  writeFileSync(out, rendered.mdx);
  console.log(`draft written to ${out}`);
  for (const note of rendered.review) console.log(`review: ${note}`);
  console.log('next: read the draft against the page, then `npm run check`');
}
