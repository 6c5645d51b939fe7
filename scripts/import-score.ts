/**
 * `npm run import:score [-- <dir>] [--verbose]`
 * Recall and precision of the importer's figures over the synthetic report fixtures
 * (tests/fixtures/import/: `NN-name.txt` + its hand-written `NN-name.json`), plus the seed page
 * with and without its `#` heading markers. `--verbose` lists every missed and extra figure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importPage } from '#lib/import/import-page.ts';
import { addScores, recallPrecision, scoreFigures, type ExpectedFigures, type FigureScore } from '#lib/import/score.ts';
import { isCitySlug } from '#data/cities.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', default: false } },
});
const dir = resolve(positionals[0] ?? 'tests/fixtures/import');

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const rows: { name: string; score: FigureScore }[] = [];

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/u, '.json')), 'utf8')) as ExpectedFigures;
  const city = expected.options?.city;
  const raw = readFileSync(join(dir, file), 'utf8');
  const { rendered } = importPage(raw, city !== undefined && isCitySlug(city) ? { city } : {});
  rows.push({ name: file, score: scoreFigures(rendered.figures, expected) });
}

for (const { name, score } of rows) {
  const { recall, precision } = recallPrecision(score);
  console.log(
    `${name.padEnd(40)} expected ${String(score.expected).padStart(3)}  output ${String(score.output).padStart(3)}  recall ${percent(recall).padStart(6)}  precision ${percent(precision).padStart(6)}  wrong unit ${score.wrongUnit}`,
  );
  if (values.verbose) {
    for (const m of score.missed) console.log(`    missed: ${m}`);
    for (const e of score.extra) console.log(`    extra:  ${e}`);
  }
}
const all = addScores(rows.map((r) => r.score));
const { recall, precision } = recallPrecision(all);
console.log(
  `\n${rows.length} fixtures: ${all.expected} stated figures, ${all.output} output, ${all.correct} correct — recall ${percent(recall)}, precision ${percent(precision)}, credited to the wrong unit ${all.wrongUnit}`,
);
