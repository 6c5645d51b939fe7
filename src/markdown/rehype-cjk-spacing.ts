/**
 * Display spacing between Chinese and Latin text without touching the text: each run of Latin
 * letters/digits that touches a CJK character is wrapped in `<span class="latn">`; CSS gives it a
 * small margin. No space character is ever inserted, so `textContent` (search, copy, quotes)
 * stays exactly the source.
 *
 * The margin belongs only on a side that touches CJK (`，5月` must not get a gap after the comma),
 * so a run touching CJK on one side only also gets `latn--start` or `latn--end`, naming that side.
 */
import type { ElementContent, Nodes, Root, Text } from 'hast';
import type {} from 'mdast-util-mdx-jsx'; // types the MDX JSX nodes found in hast when compiling MDX
import { SKIP, visit } from 'unist-util-visit';
import { jsxAttribute } from '#lib/source/jsx-attributes.ts';

export interface Options {
  /** Class of the wrapping span; default `latn` (modifiers `latn--start`, `latn--end`). */
  className?: string | undefined;
}

/** Elements whose text is code, not prose, or must not be restyled. */
const SKIPPED_TAGS = new Set(['code', 'kbd', 'math', 'pre', 'samp', 'script', 'style', 'svg', 'textarea']);

const LATIN = String.raw`0-9A-Za-z\u00C0-\u024F`;
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}`;
/**
 * A run: Latin letters/digits, joined inside by what belongs to numbers, units and names
 * (`148.17`, `1-4`, `200MW/800MWh`, `72%`, `Science Herald`), never ending on sentence punctuation.
 */
const RUN = new RegExp(String.raw`[${LATIN}](?:[${LATIN}.,:/+\-–&'_% ]*[${LATIN}%])?`, 'g');
const HAS_LATIN = new RegExp(`[${LATIN}]`);
const CJK_AT_END = new RegExp(`[${CJK}]$`, 'u');
const CJK_AT_START = new RegExp(`^[${CJK}]`, 'u');

export function rehypeCjkSpacing(options: Readonly<Options> = {}) {
  const className = options.className ?? 'latn';
  const classes = {
    both: [className],
    start: [className, `${className}--start`],
    end: [className, `${className}--end`],
  };

  return function transformer(tree: Root): undefined {
    visit(tree, (node, index, parent) => {
      if (isSkipped(node)) return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return;

      const pieces = split(node, classes);
      if (pieces === undefined) return;
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}

/** The text node cut into text and spans, or `undefined` when no run touches CJK. */
function split(node: Text, classes: Record<'both' | 'start' | 'end', string[]>): ElementContent[] | undefined {
  const { value } = node;
  if (!HAS_LATIN.test(value)) return undefined;

  const pieces: ElementContent[] = [];
  let done = 0;
  for (const run of value.matchAll(RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    // Two code units hold one whole character, surrogate pairs (CJK extension B on) included.
    const before = CJK_AT_END.test(value.slice(Math.max(0, start - 2), start));
    const after = CJK_AT_START.test(value.slice(end, end + 2));
    if (!before && !after) continue;

    if (start > done) pieces.push({ type: 'text', value: value.slice(done, start) });
    const className = [...classes[before && after ? 'both' : before ? 'start' : 'end']];
    pieces.push({
      type: 'element',
      tagName: 'span',
      properties: { className },
      children: [{ type: 'text', value: run[0] }],
    });
    done = end;
  }
  if (pieces.length === 0) return undefined;
  if (done < value.length) pieces.push({ type: 'text', value: value.slice(done) });
  return pieces;
}

/** Code-like elements and `translate="no"`, as HTML elements or as lower-case JSX in MDX. */
function isSkipped(node: Nodes): boolean {
  if (node.type === 'element') return SKIPPED_TAGS.has(node.tagName) || node.properties['translate'] === 'no';
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    return SKIPPED_TAGS.has(node.name ?? '') || jsxAttribute(node, 'translate') === 'no';
  }
  return false;
}
