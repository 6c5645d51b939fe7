/**
 * `npm run new-issue -- YEAR NUMBER`: write content/issues/YEAR-NN.mdx from the template, for an
 * editor to fill. Never overwrites: an existing file is the editor's work.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contentDir } from '#lib/source/content-dir.ts';
import { issueFileName, scaffoldIssue } from '#lib/import/template.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run new-issue -- YEAR NUMBER   (e.g. npm run new-issue -- 2024 19 for 2024年第19期)';

/** A whole number within [min, max] written as plain digits, or undefined. */
function wholeNumber(arg: string | undefined, min: number, max: number): number | undefined {
  if (arg === undefined || !/^\d+$/.test(arg)) return undefined;
  const n = Number(arg);
  return n >= min && n <= max ? n : undefined;
}

function fail(message: string): void {
  console.error(`${message}\n${USAGE}`);
  process.exitCode = 1;
}

const args = process.argv.slice(2);
// The ranges the issue schema accepts.
const year = wholeNumber(args[0], 2000, 2100);
const number = wholeNumber(args[1], 1, 99);
if (args.length !== 2) fail(`expected 2 arguments, the year and the issue number; got ${args.length}`);
else if (year === undefined) fail(`the year must be a number from 2000 to 2100; got ${JSON.stringify(args[0])}`);
else if (number === undefined)
  fail(`the issue number (第N期) must be a number from 1 to 99; got ${JSON.stringify(args[1])}`);
else {
  const dir = contentDir(root);
  const path = join(dir, issueFileName(year, number));
  const shown = relative(root, path).startsWith('..') ? path : relative(root, path);
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': fail if the file exists, atomically, instead of checking first and racing.
    writeFileSync(path, scaffoldIssue(year, number), { flag: 'wx' });
    console.log(`created ${shown} for ${year}年第${number}期.
Next: fill its front-matter, paste the text of page D1 into <Page id="D1">, and run npm run check until it prints ok.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(
      `${shown} already exists; it was left as it is. Edit it, or delete it first to start again from the template.`,
    );
    process.exitCode = 1;
  }
}
