/**
 * `npm run diff -- <git-ref> [--format text|markdown]`: what the working tree changes in the
 * archive compared with <git-ref> (read through git, no checkout): issues, articles and city
 * reports added or removed, every figure old → new, province figures, projects, other
 * front-matter values, and the text clauses added or removed. A file that fails the check is compared
 * as far as it can be read, and its issue marked as failing with its first errors. The pull-request
 * workflow writes the Markdown to the job summary.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '#lib/source/content-dir.ts';
import { diffArchives } from '#lib/review/archive-diff.ts';
import { DIFF_FORMATS, formatDiffMarkdown, formatDiffText, type DiffFormat } from '#lib/review/format-diff.ts';
import { GitError, gitLocation } from '#lib/source/git-archive-fs.ts';
import { loadIssuesAt, readArchive } from '#lib/review/read-archive-fs.ts';

const usage = `usage: npm run diff -- <git-ref> [--format ${DIFF_FORMATS.join('|')}]`;

function main(): number {
  const { values, positionals } = parseArgs({
    options: { format: { type: 'string', default: 'text' } },
    allowPositionals: true,
  });
  const [ref, ...extra] = positionals;
  if (!ref || extra.length > 0 || !(DIFF_FORMATS as readonly string[]).includes(values.format)) {
    console.error(usage);
    return 2;
  }
  const dir = contentDir(resolve(import.meta.dirname, '..'));
  try {
    // Both sides name files from the repository's top, so a rename shows as one path to another.
    const before = loadIssuesAt(ref, dir);
    const after = readArchive(dir, gitLocation(dir).toplevel);
    const diff = diffArchives(before, after);
    const format = values.format as DiffFormat;
    console.log(format === 'markdown' ? formatDiffMarkdown(diff, ref) : formatDiffText(diff, ref));
    return 0;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 1;
  }
}

process.exitCode = main();
