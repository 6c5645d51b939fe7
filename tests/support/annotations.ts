/**
 * What the GitHub Actions runner makes of the content check's workflow commands, for the tests
 * that check every mistake of the bad-input corpus is annotated on its file and line.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatGithubAnnotation } from '#lib/check/problem.ts';
import type { BadInput, ExpectedProblem } from '../fixtures/bad-inputs/cases.ts';
import { contentFolder } from './content.ts';

/** What the runner does with a command line: its properties and message, unescaped. */
export function parseAnnotation(line: string) {
  const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    m[2]!.split(',').map((kv) => {
      const at = kv.indexOf('=');
      return [kv.slice(0, at), unescape(kv.slice(at + 1))];
    }),
  );
  return { level: m[1], properties, message: unescape(m[3]!) };
}

const lineOf = (e: ExpectedProblem, text: string) => {
  if (typeof e.line !== 'object') return e.line;
  return text.slice(0, text.indexOf(e.line.of)).split('\n').length;
};

/** Checks the case's content folder: one command per problem, the expected error on its line. */
export function expectAnnotated(c: BadInput): void {
  const files = c.files();
  const dir = contentFolder(files);
  try {
    const problems = checkContent(dir, dir);
    const annotations = problems.map(formatGithubAnnotation);
    // One command per problem, each on one line, each unescaping to the problem itself.
    for (const [i, a] of annotations.entries()) {
      const p = problems[i]!;
      expect(a).not.toMatch(/[\r\n]/);
      expect(parseAnnotation(a)).toEqual({
        level: p.severity,
        properties: {
          file: p.file,
          ...(p.line === undefined ? {} : { line: String(p.line) }),
          title: p.field ?? 'content check',
        },
        message: p.message,
      });
    }
    const text = readFileSync(join(dir, c.expect.file)).toString('utf8');
    const line = lineOf(c.expect, text);
    const expected = annotations.map(parseAnnotation).find((a) => {
      const message = c.expect.message;
      const said = typeof message === 'string' ? a.message === message : message.test(a.message);
      return said && a.properties.file === c.expect.file;
    });
    expect(expected, annotations.join('\n')).toMatchObject({
      level: 'error',
      properties: {
        ...(line === undefined ? {} : { line: String(line) }),
        ...(c.expect.field === undefined ? {} : { title: c.expect.field }),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
