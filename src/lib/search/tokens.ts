/**
 * How search reads Chinese: one rule for the index (build) and the query (browser).
 *
 * Pagefind cuts Chinese into words twice, differently: jieba when indexing, the browser's
 * Intl.Segmenter when searching (Pagefind issues #1237, #987). A query the two cut differently
 * finds nothing, or the wrong pages. So the archive gives Pagefind no Chinese to cut. Text is
 * split into runs of letters and digits; each run becomes overlapping character bigrams (plus
 * its last character alone), and each bigram is written as an opaque token of a–z letters that
 * neither segmenter can split. A query goes through the same steps and asks for its bigrams in
 * a row (Pagefind's exact-phrase search), which is "the text contains the query", nothing looser.
 * A one-character query matches by prefix (every bigram starting with it, and the run's last
 * character). Headings are indexed a second time as heading words (each token followed by a
 * `0`, a character no token holds), which rank the issues whose headlines hold the query first.
 * Traditional characters can be folded to simplified on both sides (`variants`,
 * src/lib/search/variants.ts). No dependencies: the search page bundles this module as it is.
 */
import type { Variants } from './variants.ts';

/** Pagefind words per character: four base-26 letters cover U+0000–U+6F90F (all CJK blocks in use). */
const WIDTH = 4;
const LIMIT = 26 ** WIDTH;

const codes = new Map<string, string | undefined>();

/** One character → its four-letter code (`康` → `bjwp`); undefined beyond the covered range. */
function code(char: string): string | undefined {
  if (codes.has(char)) return codes.get(char);
  let n = char.codePointAt(0) ?? LIMIT;
  let out: string | undefined = '';
  if (n >= LIMIT) out = undefined;
  else
    for (let i = 0; i < WIDTH; i++) {
      out = String.fromCharCode(97 + (n % 26)) + out;
      n = Math.floor(n / 26);
    }
  codes.set(char, out);
  return out;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/gu;

/**
 * Full-width forms to ASCII, compatibility forms folded, Latin lower-cased (`１４８．１７` →
 * `148.17`), and with `variants`, traditional characters to simplified (`簽約` → `签约`).
 */
export function normalizeForSearch(text: string, variants?: Variants): string {
  const plain = text.normalize('NFKC').toLowerCase();
  return variants ? plain.replace(HAN, (ch) => variants.get(ch) ?? ch) : plain;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{Nd}/u;

/** Letters and digits of any script; the common cases (CJK, ASCII) without a regular expression. */
function isWordChar(ch: string): boolean {
  const n = ch.codePointAt(0) ?? 0;
  if ((n >= 0x4e00 && n <= 0x9fff) || (n >= 0x61 && n <= 0x7a) || (n >= 0x30 && n <= 0x39)) return true;
  if (n < 0x80) return false;
  return n < LIMIT && WORD_CHAR.test(ch);
}

/**
 * Runs of searchable characters in normalized text: letters and digits of any script, with a
 * decimal point kept between two digits (`148.17`). Punctuation and spaces separate runs.
 */
export function searchRuns(text: string, variants?: Variants): string[] {
  const chars = [...normalizeForSearch(text, variants)];
  const runs: string[] = [];
  let run = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const decimalPoint = ch === '.' && DIGIT.test(chars[i - 1] ?? '') && DIGIT.test(chars[i + 1] ?? '');
    if (isWordChar(ch) || decimalPoint) run += ch;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** `阳泉陆港` → the codes of 阳泉, 泉陆, 陆港, then 港: what a piece is indexed by. */
function runTokens(run: string): string[] {
  const codes = [...run].map((ch) => code(ch) ?? '');
  const tokens: string[] = [];
  for (let i = 0; i + 1 < codes.length; i++) tokens.push(`${codes[i]}${codes[i + 1]}`);
  tokens.push(codes[codes.length - 1] ?? '');
  return tokens;
}

/** The words Pagefind indexes for `text`, space-separated, in text order. */
export function indexTokens(text: string, variants?: Variants): string {
  return searchRuns(text, variants)
    .map((run) => runTokens(run).join(' '))
    .join(' ');
}

/**
 * Heading words: the tokens of a headline again, each followed by a `0`, so a search can ask for
 * headline hits alone. A suffix, not a prefix: a heading word sorts next to its token, so both
 * land in the same index chunk and ranking fetches nothing more than matching.
 */
const HEADING = '0';

/** The heading words of `text` (a piece's heading lines), space-separated. */
export function headingTokens(text: string, variants?: Variants): string {
  return searchRuns(text, variants)
    .flatMap((run) => runTokens(run).map((t) => `${t}${HEADING}`))
    .join(' ');
}

/** How one run of a query is asked of Pagefind. */
export interface RunQuery {
  /**
   * The query that finds exactly the issues containing the run: its bigrams in a row (an exact
   * phrase, also for one bigram: Pagefind then reports one place per issue, not every
   * occurrence), or for one character every word it begins.
   */
  match: string;
  /**
   * The same bigrams as heading words, in a row: the issues whose headlines hold the run, which
   * come first. An exact phrase, as `match` is (a plain word would let Pagefind fall back to a
   * shorter word the bundle holds, such as the body's bigram). None for one character.
   */
  rank?: string;
}

/**
 * The Pagefind queries a reader's query stands for, one per run; an issue matches the query
 * when it matches all of them. `阳泉陆港` → `"<阳泉> <泉陆> <陆港>"` (the bigrams in a row);
 * `港` → `<港>` (a prefix of every bigram starting with 港). Empty when nothing is searchable.
 */
export function pagefindQueries(query: string, variants?: Variants): RunQuery[] {
  return searchRuns(query, variants).map((run) => {
    if ([...run].length === 1) return { match: code(run) ?? '' };
    const tokens = runTokens(run).slice(0, -1);
    return { match: `"${tokens.join(' ')}"`, rank: `"${tokens.map((t) => `${t}${HEADING}`).join(' ')}"` };
  });
}

/** Whether `text` contains every run of `query`: the definition of a match that search keeps to. */
export function textMatches(text: string, query: string, variants?: Variants): boolean {
  const runs = searchRuns(query, variants);
  if (runs.length === 0) return false;
  // A run is letters and digits (and decimal points between digits), so it stands in the
  // normalized text exactly where it stands inside one of the text's runs: no need to cut them.
  const haystack = normalizeForSearch(text, variants);
  return runs.every((r) => haystack.includes(r));
}

export interface ExcerptPart {
  text: string;
  /** A stretch that matches the query, shown highlighted. */
  mark: boolean;
}

/**
 * A window of about `length` characters of `text` around the first match of the query, as
 * plain and highlighted parts. Matching runs on normalized text, highlighting on the original.
 */
export function excerpt(
  text: string,
  query: string,
  length = 120,
  variants?: Variants,
): { parts: ExcerptPart[]; start: boolean; end: boolean } {
  const original = [...text.replace(/\s+/g, ' ').trim()];
  // Normalized text, each code unit remembering which original character it came from.
  let normText = '';
  const from: number[] = [];
  original.forEach((ch, i) => {
    const n = normalizeForSearch(ch, variants);
    normText += n;
    for (let k = 0; k < n.length; k++) from.push(i);
  });
  const marked = new Array<boolean>(original.length).fill(false);
  let first = Infinity;
  for (const run of searchRuns(query, variants)) {
    for (let at = normText.indexOf(run); at >= 0; at = normText.indexOf(run, at + 1)) {
      for (let k = at; k < at + run.length; k++) marked[from[k] ?? 0] = true;
      first = Math.min(first, from[at] ?? 0);
    }
  }
  const begin =
    first === Infinity ? 0 : Math.max(0, Math.min(first - Math.floor(length / 4), original.length - length));
  const stop = Math.min(original.length, begin + length);
  const parts: ExcerptPart[] = [];
  for (let i = begin; i < stop; i++) {
    const ch = original[i] ?? '';
    const mark = marked[i] ?? false;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += ch;
    else parts.push({ text: ch, mark });
  }
  return { parts, start: begin > 0, end: stop < original.length };
}
