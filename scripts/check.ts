/**
 * `npm run check`: validate all content without a build. Prints one `file:line: field: message`
 * line per problem and exits 1 when any is an error.
 */
import { resolve } from 'node:path';
import { checkContent } from '#lib/check/content-check.ts';
import { contentDir } from '#lib/source/content-dir.ts';
import { errorsIn, formatProblem } from '#lib/check/problem.ts';

const root = resolve(import.meta.dirname, '..');
const problems = checkContent(root);
for (const p of problems) console.log(formatProblem(p));
const errors = errorsIn(problems).length;
const warnings = problems.length - errors;
console.log(`${errors === 0 ? 'ok' : 'failed'}: ${errors} error(s), ${warnings} warning(s) in ${contentDir(root)}`);
if (errors > 0) process.exitCode = 1;
