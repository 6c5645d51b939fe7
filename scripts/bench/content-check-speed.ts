/**
 * `node scripts/bench/content-check-speed.ts [--issues 1000] [--runs 1] [--dump out.txt]`
 * Times the content check alone (no cache: every issue is read, validated and its figures
 * extracted) on a synthetic archive of `--issues` issues, generated once into a temp folder.
 * The archive is SYNTHETIC (tests/fixtures/synthetic/generate.ts), never content.
 *
 * `--dump file` also writes everything the check and the figure extractor produce, for proving
 * a speed change leaves every result as it was: the formatted problems of the synthetic archive
 * and of content/issues; for every city report and every issue body, the extractor's figures,
 * review notes, mentions and the report's unit; and the importer's output for the seed page
 * text and every tests/fixtures/import/*.txt. Compare two dumps byte for byte (`cmp`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { extractFigures, extractProvinceFigures, findFigureMentions } from '#lib/extract/extractor.ts';
import { reportUnit } from '#lib/extract/units.ts';
import { importPage } from '#lib/import/import-page.ts';
import { loadIssues } from '#lib/check/content-check-fs.ts';
import { generateArchive } from '../../tests/fixtures/synthetic/generate.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    dump: { type: 'string' },
  },
});
const n = Number(values.issues);
const corpus = join(tmpdir(), `kfjz-check-speed-${n}`);
// Issue k is the same file whatever else is generated, so a folder of n files is reused as is.
if (!existsSync(corpus) || readdirSync(corpus).filter((f) => f.endsWith('.mdx')).length !== n) {
  mkdirSync(corpus, { recursive: true });
  generateArchive({ dir: corpus, issues: n, seed: 18 });
}

for (let run = 1; run <= Number(values.runs); run++) {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const problems = checkContent(root, corpus);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time as well as wall time: on a shared, loaded machine the CPU time is the steadier figure.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `content check, ${n} issues, no cache: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (${problems.length} problems)`,
  );
}

if (values.dump) {
  // The synthetic archive passes the check; for messages to compare, a copy of its first 100
  // issues with front-matter figures that disagree with the text (one changed, one dropped).
  const broken = join(tmpdir(), `kfjz-check-speed-broken`);
  mkdirSync(broken, { recursive: true });
  for (const f of readdirSync(corpus)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .slice(0, 100)) {
    const text = readFileSync(join(corpus, f), 'utf8');
    const end = text.indexOf('\n---', 3);
    const front = text
      .slice(0, end)
      .replace(/investment: (\d+)/u, (_, v: string) => `investment: ${Number(v) + 1}`)
      .replace(/signed: \{ projects: \d+, /u, 'signed: { ');
    writeFileSync(join(broken, f), front + text.slice(end));
  }
  const out: string[] = [];
  for (const dir of [corpus, broken, join(root, 'content/issues')]) {
    out.push(`## check ${dir}`);
    out.push(...checkContent(root, dir).map(formatProblem));
    for (const { file, issue, body } of loadIssues(dir, root).issues) {
      out.push(`## ${file} body`);
      out.push(JSON.stringify(extractFigures(body.text)), JSON.stringify(extractProvinceFigures(body.text)));
      out.push(JSON.stringify(findFigureMentions(body.text, { scope: 'province' })));
      for (const s of body.sections) {
        const report = issue.cityReports.find((r) => (r.id ?? r.city) === s.anchor);
        const text = [...(report?.headline ?? []), s.text].join('\n');
        out.push(`## ${file} ${s.component} ${s.anchor}`, JSON.stringify(reportUnit(report?.headline ?? [], s.text)));
        out.push(JSON.stringify(extractFigures(text)), JSON.stringify(findFigureMentions(text)));
      }
    }
  }
  const fixtures = join(root, 'tests/fixtures/import');
  const pages = [
    resolve(root, '../shared/seed/kfjz-2024-18.txt'),
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(fixtures, f)),
  ];
  for (const page of pages.filter(existsSync)) {
    const { rendered } = importPage(readFileSync(page, 'utf8'));
    out.push(`## import ${basename(page)}`, JSON.stringify(rendered.figures), ...rendered.review, rendered.mdx);
  }
  // The checkout's own path left out, so that dumps of two checkouts compare.
  writeFileSync(values.dump, out.join('\n').replaceAll(root, '<root>') + '\n');
  console.log(`dump: ${values.dump} (${out.length} lines)`);
}
