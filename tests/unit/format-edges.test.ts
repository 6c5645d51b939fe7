/**
 * Format edges of an issue file: a page listed twice, a date with a time, characters that are not
 * text (raw, escaped in YAML, referenced in MDX), and a body nested too deep, refused at their line
 * without a stack overflow. The same cases end to end: tests/fixtures/bad-inputs/cases.ts.
 */
import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '#lib/check/problem.ts';
import { charactersNotText, referencesNotText, valueNotText } from '#lib/source/characters.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { MdxSyntaxError, parseMdxBody } from '#lib/source/mdx-body.ts';
import { MAX_NESTING, nestingBeforeParse, nestingOfTree } from '#lib/source/nesting.ts';
import { PartialDateSchema } from '#schemas/date.ts';
import { renderIssueBody } from '../../src/markdown/issue-body.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';

const F = 'content/issues/2024-18.mdx';

/** Problems for one issue file's content, formatted as `npm run check` prints them. */
function problemsOf(text: string | Buffer): string[] {
  const dir = contentFolder({ '2024-18.mdx': text });
  return loadIssueFile(join(dir, '2024-18.mdx'), F).problems.map(formatProblem);
}

/** The 1-based line of the first occurrence of `of` in `text`. */
const lineOf = (text: string, of: string) => text.slice(0, text.indexOf(of)).split('\n').length;

/** The error parseMdxBody throws for a body, or undefined. */
function parseError(body: string): MdxSyntaxError | undefined {
  try {
    parseMdxBody(body);
    return undefined;
  } catch (error) {
    if (error instanceof MdxSyntaxError) return error;
    throw error;
  }
}

describe('pages listed twice', () => {
  test('the same page twice under pages is refused at the second', () => {
    const text = seedWith('pages: [D1]', 'pages: [D1, D1]');
    expect(problemsOf(text)).toEqual([
      `${F}:${lineOf(text, 'pages: [D1, D1]')}: pages[1]: page D1 is already listed as pages[0]; list each page (版) once, under pages when the archive holds it, else under missingPages`,
    ]);
  });

  test('a page both archived and missing is refused under missingPages, as is a missing page twice', () => {
    expect(problemsOf(seedWith('missingPages: [D3]', 'missingPages: [D3, D1]'))).toEqual([
      expect.stringMatching(
        /^content\/issues\/2024-18\.mdx:\d+: missingPages\[1\]: page D1 is already listed as pages\[0\]/,
      ),
    ]);
    expect(problemsOf(seedWith('missingPages: [D3]', 'missingPages: [D3, D3]'))).toEqual([
      expect.stringMatching(/missingPages\[1\]: page D3 is already listed as missingPages\[0\]/),
    ]);
  });
});

describe('dates are calendar days', () => {
  const withDate = (date: string) => seedWith('publication: 科学导报', `date: ${date}\npublication: 科学导报`);

  test('an unquoted day is read as that day, quoted or not', () => {
    for (const date of ['2024-05-10', '"2024-05-10"']) {
      const dir = contentFolder({ '2024-18.mdx': withDate(date) });
      const { loaded, problems } = loadIssueFile(join(dir, '2024-18.mdx'), F);
      expect(problems).toEqual([]);
      expect(loaded?.issue.date).toBe('2024-05-10');
    }
  });

  test.each([
    ['2024-05-10 07:30:00 +08:00', '2024-05-10'],
    ['2024-05-10T00:00:00Z', '2024-05-10'],
    ['2024-5-9 23:00:00', '2024-05-09'],
  ])('a timestamp (%s) is refused at its line, naming the day to write', (date, day) => {
    const text = withDate(date);
    expect(problemsOf(text)).toEqual([
      `${F}:${lineOf(text, `date: ${date}`)}: date: ${date} has a time of day; a date is a calendar day as printed: write ${day}, without a time (YAML reads a time as an instant, which the archive would print as its day in UTC)`,
    ]);
  });

  test('a round date with a time is refused too', () => {
    const text = seedWith('date: "2024-05-10"', 'date: 2024-05-10 09:00:00');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `:${lineOf(text, '2024-05-10 09')}: rounds\\[0\\] date: 2024-05-10 09:00:00 has a time of day; .*write 2024-05-10, without a time`,
        ),
      ),
    ]);
  });

  test('the schema keeps a midnight-UTC Date as its day and refuses any other instant, never reading it in a time zone', () => {
    expect(PartialDateSchema.parse(new Date('2024-05-10T00:00:00Z'))).toBe('2024-05-10');
    const r = PartialDateSchema.safeParse(new Date('2024-05-10T07:30:00+08:00'));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('a date is a calendar day as printed: write "YYYY-MM-DD", without a time');
  });
});

describe('characters that are not text', () => {
  test('tab, CRLF, a byte-order mark and ordinary text (U+FEFF inside, U+3000, emoji) pass', () => {
    const text = '\uFEFF---\r\nyear: 2024\r\n---\r\n\t正文\u3000全角 😀 \uFEFF ¥\r\n';
    expect(charactersNotText(text)).toEqual({ lines: [], moreLines: 0, utf16: false });
  });

  test.each([
    ['\0', 'U+0000 (NUL) at column 3 is a control character, not text: delete it'],
    ['\x07', 'U+0007 (BEL, the bell) at column 3 is a control character, not text'],
    ['\x1b', 'U+001B (ESC, the escape character) at column 3 is a control character'],
    ['\x0c', 'U+000C (FF, a form feed) at column 3'],
    ['\x7f', 'U+007F (DEL) at column 3'],
    ['\x85', 'U+0085 (NEL, next line) at column 3'],
    ['\x9b', 'U+009B (a control character) at column 3'],
    [
      '\r',
      'U+000D (CR, a carriage return without a line feed) at column 3: save the file with LF or CRLF line endings',
    ],
    ['\u2028', 'U+2028 (LINE SEPARATOR) at column 3: replace it with a line break, or delete it'],
    ['\u2029', 'U+2029 (PARAGRAPH SEPARATOR) at column 3'],
  ])('%j is refused at its own line and column', (c, message) => {
    const { lines } = charactersNotText(`first\r\nsecond\n正文${c}文字\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ line: 3, column: 3 });
    expect(lines[0]?.message.startsWith(message)).toBe(true);
  });

  test('one problem per line, twenty lines at most, then a count; NULs throughout are a UTF-16 file', () => {
    const many = charactersNotText('abcdefghij\0klmnopqrstuvwxyz\0\n'.repeat(30));
    expect(many.lines.map((l) => l.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(many.moreLines).toBe(10);
    expect(many.utf16).toBe(false);
    expect(charactersNotText(Buffer.from('---\nyear: 2024\n', 'utf16le').toString('utf8')).utf16).toBe(true);
  });

  test('in a file: a NUL in the front-matter and in the body each at its line, before YAML reads it', () => {
    const fm = seedWith('  guidedBy: 山西省商务厅', '  guidedBy: 山西省\0商务厅');
    expect(problemsOf(fm)).toEqual([
      `${F}:${lineOf(fm, 'guidedBy')}: U+0000 (NUL) at column 16 is a control character, not text: delete it (most editors do not show it; it comes from a binary file, a terminal or a bad conversion)`,
    ]);
    const body = seedWith('总投资70.05亿元', '总投资70.05\0亿元');
    expect(problemsOf(body)).toEqual([
      expect.stringMatching(new RegExp(`^${F}:${lineOf(body, '\0')}: U\\+0000 \\(NUL\\)`)),
    ]);
    expect(
      problemsOf(
        Buffer.from(
          seedMdx()
            .slice(0, 200)
            .replace(/[^\x00-\x7f]/g, '?'),
          'utf16le',
        ),
      ),
    ).toEqual([`${F}: the file holds NUL bytes throughout: it was saved as UTF-16; save it as UTF-8`]);
  });

  test('YAML escapes that write a control character, a line separator or a lone surrogate are refused at their value', () => {
    expect(valueNotText('a\nb\tc\r\n山西')).toBeUndefined();
    expect(valueNotText('a\u0000')).toBe('U+0000 (NUL)');
    expect(valueNotText('a\uD800b')).toBe('U+D800 (half of a UTF-16 surrogate pair, no character on its own)');
    expect(valueNotText('a\uDC00')).toMatch(/^U\+DC00/);
    expect(valueNotText('😀')).toBeUndefined();
    for (const escape of ['\\0', '\\e', '\\x07', '\\u2028', '\\uD800', '\\N']) {
      const text = seedWith('  guidedBy: 山西省商务厅', `  guidedBy: "山西省${escape}商务厅"`);
      expect(problemsOf(text), escape).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${F}:${lineOf(text, 'guidedBy')}: masthead\\.guidedBy: an escape in this value writes U\\+[0-9A-F]{4} .*, which is not text; remove the escape$`,
          ),
        ),
      ]);
    }
    expect(problemsOf(seedWith('  guidedBy: 山西省商务厅', '  guidedBy: "山西省\\u5546务厅"'))).toEqual([]);
  });

  test('MDX character references to such characters are refused at their line; others pass', () => {
    expect(referencesNotText('a &#9; &#10; &#13; &#x4E2D; &#169; &amp; &#x1F600;\n')).toEqual([]);
    const refs = referencesNotText('ok\n正文&#0;\n&#x1b;\n&#8232;\n&#xD800;\n&#x110000;\n');
    expect(refs.map((r) => [r.line, r.column])).toEqual([
      [2, 3],
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 1],
    ]);
    expect(refs[0]?.message).toBe(
      '&#0; at column 3 writes U+0000 (NUL), which is not text (MDX would publish it as U+FFFD (�)): delete it',
    );
    expect(refs[2]?.message).toMatch(/LINE SEPARATOR\), which is not text \(MDX would publish it as is\)/);
    expect(refs[4]?.message).toMatch(/U\+110000 \(past the last Unicode character\)/);
    const text = seedWith('总投资70.05亿元', '总投资70.05&#x7;亿元');
    expect(problemsOf(text)).toEqual([
      `${F}:${lineOf(text, '&#x7;')}: &#x7; at column 33 writes U+0007 (BEL, the bell), which is not text (MDX would publish it as U+FFFD (�)): delete it`,
    ]);
  });
});

describe('nesting', () => {
  const nested = (open: string, close: string, n: number) => open.repeat(n) + '深' + close.repeat(n) + '\n';

  test(`the seed, and ${MAX_NESTING} levels of each kind, pass; the renderer renders them`, async () => {
    expect(nestingBeforeParse(seedMdx())).toBeUndefined();
    const bodies = [
      '> '.repeat(MAX_NESTING - 1) + '深\n', // blockquotes and the paragraph
      '<b>'.repeat(MAX_NESTING - 1) + '深' + '</b>'.repeat(MAX_NESTING - 1) + '\n', // a paragraph holds the inline tags
      Array.from({ length: MAX_NESTING / 2 - 1 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n') + '\n', // list + item per level
      '---\n\n* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *\n\n' + '*a '.repeat(40) + '\n', // breaks; stray marks
    ];
    for (const body of bodies) {
      expect(parseError(body), body.slice(0, 40)).toBeUndefined();
      await renderIssueBody(body, { pages: [] }, 'content/issues/2024-18.mdx');
    }
  });

  test.each([
    [
      'blockquotes on one line',
      'text\n\n' + '> '.repeat(10_000) + '深\n',
      3,
      /^nested too deep: this line opens 10000 levels of blockquotes \(>\) and list items/,
    ],
    ['blockquotes without spaces', '>'.repeat(200_000) + '深\n', 1, /^nested too deep: this line opens 200000 levels/],
    ['list markers on one line', '- '.repeat(20_000) + '深\n', 1, /^nested too deep: this line opens 20000 levels/],
    [
      'indented list items',
      Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n') + '\n',
      33,
      /^nested too deep: this line opens 33 levels/,
    ],
    [
      '<Article>s, one a line',
      '<Article>\n'.repeat(5000) + '深\n' + '</Article>\n'.repeat(5000),
      33,
      /^nested too deep: <Article> here lies 33 levels deep/,
    ],
    ['inline tags', nested('<b>', '</b>', 10_000), 1, /^nested too deep: <b> here lies 33 levels deep/],
    [
      'emphasis',
      nested('*', '*', 30_000),
      1,
      /^nested too deep: 30000 emphasis marks \(\*, _ or ~\) are open in this paragraph/,
    ],
    [
      'emphasis, word by word',
      nested('*a ', ' a*', 40),
      1,
      /^nested too deep: emphasis \(\* or _\) here lies 33 levels deep/,
    ],
    ['emphasis, word by word, deeper', nested('*a ', ' a*', 5000), 1, /^nested too deep: 129 emphasis marks/],
  ])('%s: refused at the line, quickly, without a stack overflow', (_, body, line, message) => {
    const started = performance.now();
    const error = parseError(body);
    expect(error?.line).toBe(line);
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(/the text may nest at most 32 levels/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('the tree is measured without recursion, however deep', () => {
    let node: { type: string; children: unknown[]; position?: unknown } = { type: 'text', children: [] };
    for (let i = 0; i < 1_000_000; i++) node = { type: 'blockquote', children: [node] };
    const tree = { type: 'root', children: [node] } as unknown as Root;
    expect(nestingOfTree(tree)?.message).toMatch(/^nested too deep: a blockquote \(>\) here lies 33 levels deep/);
  });

  test('in a file: the line of the file, front-matter counted', () => {
    const text = seedWith('(下转D3版)', `${'> '.repeat(10_000)}深\n\n(下转D3版)`);
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        new RegExp(`^${F}:${lineOf(text, '> > >')}: nested too deep: this line opens 10000 levels`),
      ),
    ]);
  });
});
