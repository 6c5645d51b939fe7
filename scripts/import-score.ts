/**
 * `npm run import:score [-- <dir>] [--real <dir>] [--verbose]`
 * Recall and precision of the importer's figures, reported separately over
 * - the synthetic report fixtures (tests/fixtures/import/ and its sub-folders: `NN-name.txt` +
 *   its hand-written `NN-name.json`), and
 * - the real report texts in ../shared/real-reports/ (`dNN/input.txt` + `dNN/expected.json`,
 *   read in place, never copied), with scope errors (an output value in a city report that the
 *   case's `mustNotAppear` lists). Said so when that folder is absent.
 * `--verbose` lists every missed and extra figure and the review lines of the real texts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importPage } from '#lib/import/import-page.ts';
import {
  addScores,
  recallPrecision,
  scoreFigures,
  scoreRealReport,
  type ExpectedFigures,
  type FigureScore,
  type RealExpected,
} from '#lib/import/score.ts';
import { isCitySlug } from '#data/cities.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false }, real: { type: 'string' } },
});
const dir = resolve(positionals[0] ?? 'tests/fixtures/import');
const realDir = resolve(values.real ?? '../shared/real-reports');

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function fixtureFiles(root: string): string[] {
  return readdirSync(root)
    .sort()
    .flatMap((f) => {
      const path = join(root, f);
      if (statSync(path).isDirectory()) return fixtureFiles(path);
      return f.endsWith('.txt') ? [path] : [];
    });
}

function line(name: string, score: FigureScore, extra = ''): string {
  const { recall, precision } = recallPrecision(score);
  return `${name.padEnd(44)} expected ${String(score.expected).padStart(3)}  output ${String(score.output).padStart(3)}  recall ${percent(recall).padStart(6)}  precision ${percent(precision).padStart(6)}  ${extra}`;
}

function details(score: FigureScore): void {
  if (!values.verbose) return;
  for (const m of score.missed) console.log(`    missed: ${m}`);
  for (const e of score.extra) console.log(`    extra:  ${e}`);
}

console.log('Synthetic fixtures');
const rows: FigureScore[] = [];
for (const path of fixtureFiles(dir)) {
  const expected = JSON.parse(readFileSync(path.replace(/\.txt$/u, '.json'), 'utf8')) as ExpectedFigures;
  const city = expected.options?.city;
  const { rendered } = importPage(readFileSync(path, 'utf8'), city !== undefined && isCitySlug(city) ? { city } : {});
  const score = scoreFigures(rendered.figures, expected);
  rows.push(score);
  console.log(line(path.slice(dir.length + 1), score, `wrong unit ${score.wrongUnit}`));
  details(score);
}
const all = addScores(rows);
const synthetic = recallPrecision(all);
console.log(
  `\nsynthetic: ${rows.length} fixtures, ${all.expected} stated figures, ${all.output} output, ${all.correct} correct — recall ${percent(synthetic.recall)}, precision ${percent(synthetic.precision)}, credited to the wrong unit ${all.wrongUnit}`,
);

console.log('\nReal report texts');
if (!existsSync(realDir)) {
  console.log(`real: ${realDir} is absent (a clone without ../shared): the real texts were not scored`);
} else {
  const real: FigureScore[] = [];
  let scopeErrors = 0;
  for (const name of readdirSync(realDir)
    .filter((d) => existsSync(join(realDir, d, 'input.txt')))
    .sort()) {
    const expected = JSON.parse(readFileSync(join(realDir, name, 'expected.json'), 'utf8')) as RealExpected;
    const { rendered } = importPage(readFileSync(join(realDir, name, 'input.txt'), 'utf8'));
    const score = scoreRealReport(rendered.figures, expected);
    real.push(score);
    scopeErrors += score.scopeErrors;
    console.log(line(name, score, `scope errors ${score.scopeErrors}`));
    details(score);
    if (values.verbose) for (const r of rendered.review) console.log(`    review: ${r}`);
  }
  const total = addScores(real);
  const { recall, precision } = recallPrecision(total);
  console.log(
    `\nreal: ${real.length} texts, ${total.expected} stated figures, ${total.output} output, ${total.correct} correct — recall ${percent(recall)}, precision ${percent(precision)}, scope errors ${scopeErrors}`,
  );
}
