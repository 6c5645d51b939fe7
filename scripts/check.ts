/**
 * `npm run check`: validate all content without a build. Prints one `file:line: field: message`
 * line per problem and exits 1 when any is an error. Inside GitHub Actions (or with
 * `--format github`) each problem is a workflow command instead, shown on its line of the diff.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { errorsIn, problemFormat, problemFormatter } from '#lib/check/problem.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { format: { type: 'string' } } });
const format = problemFormatter(problemFormat(values.format));
const problems = checkContent(root);
for (const p of problems) console.log(format(p));
const errors = errorsIn(problems).length;
const warnings = problems.length - errors;
console.log(`${errors === 0 ? 'ok' : 'failed'}: ${errors} error(s), ${warnings} warning(s) in ${contentDir(root)}`);
if (errors > 0) process.exitCode = 1;
