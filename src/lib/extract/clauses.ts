/**
 * Sentences and clauses of normalised text, as offsets into it. No Astro imports.
 *
 * - A sentence ends at 。！？ (or !?), at a blank line (a paragraph or heading block break), or at
 *   `……`, which marks text left out: nothing before it carries over to what follows.
 * - A clause ends at ，；：(or , ; :) or a single line break (heading lines are clauses).
 * - `、` does NOT end a clause: it joins list items (`签约项目198个、开工项目194个`) and project
 *   names (`A项目、B项目等14个项目`); figures inside one clause are told apart by their own frames.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[。！？!?]+|…+|\n[ \t\u3000]*\n\s*/gu;
const CLAUSE_END = /[，；：,;:\n]/gu;

function splitAt(text: string, start: number, end: number, separator: RegExp): Span[] {
  const out: Span[] = [];
  const body = text.slice(start, end);
  let from = 0;
  const push = (to: number) => {
    if (to > from) out.push({ start: start + from, end: start + to, text: body.slice(from, to) });
  };
  for (const m of body.matchAll(separator)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(body.length);
  return out;
}

/** The sentences of `text`, separators left out. */
export function splitSentences(text: string): Span[] {
  return splitAt(text, 0, text.length, SENTENCE_END);
}

/** The clauses of one sentence of `text`, separators left out. */
export function splitClauses(text: string, sentence: Span): Span[] {
  return splitAt(text, sentence.start, sentence.end, CLAUSE_END);
}
