/**
 * Characters that are not text: control characters, and the two Unicode line separators editors
 * disagree about. A NUL byte or an escape character pasted from a binary file or a terminal is
 * invisible in most editors; YAML refuses it (at the wrong line), MDX publishes it as U+FFFD.
 *
 * Allowed: tab, line feed, carriage return as part of CRLF, and a byte-order mark opening the
 * file. Refused: every other C0 control (U+0000–U+001F), DEL (U+007F), the C1 controls
 * (U+0080–U+009F), a carriage return on its own, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH
 * SEPARATOR (some editors break the line there, others do not, so line numbers would disagree),
 * and, where text is written as escapes or references (`"\0"` in YAML, `&#0;` in MDX), the same
 * plus lone surrogates and numbers past U+10FFFF. Raw lone surrogates cannot occur: a file that
 * is not valid UTF-8 is refused before this.
 */

/** A character that is not text, as it may stand in a decoded file. */
const NOT_TEXT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029]|\r(?!\n)/g;
/** The same in a string that may also hold a lone surrogate (from an escape), and may hold CR and LF. */
const NOT_TEXT_VALUE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL, the bell',
  0x08: 'BS, a backspace',
  0x0b: 'VT, a vertical tab',
  0x0c: 'FF, a form feed',
  0x0d: 'CR, a carriage return without a line feed',
  0x1b: 'ESC, the escape character',
  0x7f: 'DEL',
  0x85: 'NEL, next line',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** `U+0000 (NUL)`, `U+0007 (BEL, the bell)`, `U+0013 (a control character)`. */
export function describeCodePoint(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex(cp)} (half of a UTF-16 surrogate pair, no character on its own)`;
  if (cp > 0x10ffff) return `${hex(cp)} (past the last Unicode character)`;
  return `${hex(cp)} (${NAMES[cp] ?? 'a control character'})`;
}

/** What is wrong with the character and what to do, by kind. */
function remedy(cp: number): string {
  if (cp === 0x0d) return ': save the file with LF or CRLF line endings';
  if (cp === 0x2028 || cp === 0x2029)
    return ': replace it with a line break, or delete it; editors disagree whether it breaks the line, so line numbers would not match';
  return ' is a control character, not text: delete it (most editors do not show it; it comes from a binary file, a terminal or a bad conversion)';
}

/** Whether the code point, written as an escape or a reference, names no text. */
export function refusedCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false;
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp > 0x10ffff
  );
}

export interface CharacterAt {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
  /** What to print. */
  message: string;
}

/** At most this many lines are named one by one; the rest are counted. */
const MAX_LINES_NAMED = 20;

/**
 * The characters of a decoded file that are not text, the first of each line (a pasted binary
 * file would otherwise give thousands of lines), or one problem for the whole file when NULs
 * run through it (a UTF-16 file: every other byte of Latin text is NUL).
 */
export function charactersNotText(text: string): { lines: CharacterAt[]; moreLines: number; utf16: boolean } {
  const lines: CharacterAt[] = [];
  let moreLines = 0;
  let nuls = 0;
  let lastLine = 0;
  // Line starts are found as the matches come, so a file without such characters costs one regex scan.
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(NOT_TEXT)) {
    const at = m.index;
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = at;
    const cp = m[0].codePointAt(0) ?? 0;
    if (cp === 0) nuls++;
    if (line === lastLine) continue;
    lastLine = line;
    if (lines.length >= MAX_LINES_NAMED) {
      moreLines++;
      continue;
    }
    const column = [...text.slice(lineStart, at)].length + 1;
    lines.push({ line, column, message: `${describeCodePoint(cp)} at column ${column}${remedy(cp)}` });
  }
  return { lines, moreLines, utf16: nuls > 0 && nuls * 4 >= text.length };
}

/** The first character of a value (a parsed YAML string) that is not text, or undefined. */
export function valueNotText(value: string): string | undefined {
  const m = NOT_TEXT_VALUE.exec(value);
  return m ? describeCodePoint(m[0].codePointAt(0) ?? 0) : undefined;
}

/** `&#0;`, `&#x1B;`: numeric character references as CommonMark reads them (at most 6 hex or 7 decimal digits). */
const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;

/** Numeric character references in an MDX body that name no text, one per line (MDX would publish most as U+FFFD). */
export function referencesNotText(body: string): CharacterAt[] {
  if (!body.includes('&#')) return [];
  const out: CharacterAt[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  let lastLine = 0;
  for (const m of body.matchAll(NUMERIC_REFERENCE)) {
    const cp = m[1] === undefined ? Number(m[2]) : Number.parseInt(m[1], 16);
    if (!refusedCodePoint(cp)) continue;
    const at = m.index;
    for (let i = body.indexOf('\n', scanned); i !== -1 && i < at; i = body.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = at;
    if (line === lastLine) continue;
    lastLine = line;
    const column = [...body.slice(lineStart, at)].length + 1;
    const published =
      cp === 0x2028 || cp === 0x2029 ? 'MDX would publish it as is' : 'MDX would publish it as U+FFFD (�)';
    out.push({
      line,
      column,
      message: `${m[0]} at column ${column} writes ${describeCodePoint(cp)}, which is not text (${published}): delete it`,
    });
  }
  return out;
}
