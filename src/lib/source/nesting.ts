/**
 * How deep an issue body may nest, and the two guards that hold it there without recursion.
 *
 * Every tool after the parser walks the tree recursively (unist-util-visit, mdast-util-to-string,
 * remark-rehype, the sanitizer, hast-util-to-html), so a body nested some ten thousand levels
 * deep (`> > > …`, `<Article><Article>…`) overflows the stack. The parser itself (micromark) does
 * not overflow, but it slows down badly with depth: a few thousand markers on one line take
 * minutes. Hence:
 *
 * - before parsing, a scan of the lines (one pass, no tree): the `>` and list markers that open
 *   a line, a list item's indentation, and emphasis marks (`*`, `_`, `~`) left open in a paragraph;
 * - after parsing, the tree's depth, measured with an explicit stack before anything walks it.
 *
 * remark-parse + remark-mdx parse an issue of the largest size allowed without overflowing, while
 * unist-util-visit recurses and overflows on a deep enough tree (the times and depths measured
 * are in scripts/bench/BENCHMARKS.md). An issue needs fewer than ten levels.
 */
import type { Root } from 'mdast';

/** The deepest an issue body may nest: elements that hold others, one inside another. */
export const MAX_NESTING = 32;

/**
 * Emphasis marks left open in one paragraph before the scan refuses it. Higher than
 * MAX_NESTING because the scan counts a stray `*` as opening: the tree's depth check still holds
 * emphasis itself to MAX_NESTING.
 */
const MAX_OPEN_EMPHASIS = 4 * MAX_NESTING;

export interface TooDeep {
  /** 1-based line in the text scanned. */
  line: number;
  message: string;
}

const LIMIT = `the text may nest at most ${MAX_NESTING} levels`;

/** A `>` or a list marker (`-`, `+`, `*`, `1.`, `1)`) with the whitespace before it, at the scan's position. */
const CONTAINER_MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y;
/** `---`, `* * *`, `___`: a thematic break, whose marks open nothing. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const WHITESPACE = /\s/;

/** Columns of the line's leading whitespace, a tab reaching the next multiple of 4. */
function indentColumns(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

/**
 * Nesting the lines show before they are parsed, or undefined when it is within bounds. Lines
 * are counted from 1 at the start of `text`.
 */
export function nestingBeforeParse(text: string): TooDeep | undefined {
  let line = 0;
  let openEmphasis = 0;
  for (const raw of text.split('\n')) {
    line++;
    const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (s.trim() === '') {
      openEmphasis = 0; // a blank line ends the paragraph, and with it any emphasis left open
      continue;
    }
    if (THEMATIC_BREAK.test(s)) continue;
    // Blockquotes and list items: each marker opening the line is one level at least; a list item
    // indented by n columns sits about n/2 levels into its list.
    let markers = 0;
    let at = 0;
    CONTAINER_MARKER.lastIndex = 0;
    while (CONTAINER_MARKER.exec(s)) {
      markers++;
      at = CONTAINER_MARKER.lastIndex;
    }
    if (markers > 0) {
      const depth = markers + Math.floor(indentColumns(s) / 2);
      if (depth > MAX_NESTING) {
        return {
          line,
          message: `nested too deep: this line opens ${depth} levels of blockquotes (>) and list items (-, *, 1.) inside one another; ${LIMIT}. Look for stray > or list markers at the start of the line, or an indentation gone wrong`,
        };
      }
    }
    // Emphasis: a run of marks that can only open adds its length, one that can only close takes it off.
    for (let i = at; i < s.length;) {
      const c = s[i];
      if (c !== '*' && c !== '_' && c !== '~') {
        i++;
        continue;
      }
      let j = i;
      while (s[j] === c) j++;
      const before = i === 0 ? ' ' : (s[i - 1] ?? ' ');
      const after = s[j] ?? ' ';
      const opens = !WHITESPACE.test(after);
      const closes = !WHITESPACE.test(before);
      if (opens && !closes) openEmphasis += j - i;
      else if (closes && !opens) openEmphasis = Math.max(0, openEmphasis - (j - i));
      if (openEmphasis > MAX_OPEN_EMPHASIS) {
        return {
          line,
          message: `nested too deep: ${openEmphasis} emphasis marks (*, _ or ~) are open in this paragraph by this line; ${LIMIT}. Look for stray marks, and write a literal one as \\* \\_ \\~`,
        };
      }
      i = j;
    }
  }
  return undefined;
}

/** What an mdast node is, in the words of the text an editor wrote. */
function describeNode(node: { type: string; name?: string | null }): string {
  switch (node.type) {
    case 'blockquote':
      return 'a blockquote (>)';
    case 'list':
    case 'listItem':
      return 'a list';
    case 'emphasis':
    case 'strong':
    case 'delete':
      return 'emphasis (* or _)';
    case 'link':
    case 'linkReference':
      return 'a link';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return node.name ? `<${node.name}>` : 'a fragment <>';
    default:
      return `a ${node.type}`;
  }
}

type Parent = { type: string; name?: string | null; children?: unknown[]; position?: { start: { line: number } } };

/**
 * The first node (in the order of the text) that lies deeper than MAX_NESTING, counting the
 * nodes that hold others (a `<Page>` holding an `<Article>` holding a paragraph is three
 * levels; a list level is two, the list and its item). An explicit stack: no recursion.
 */
export function nestingOfTree(tree: Root, lineOffset = 0): TooDeep | undefined {
  const stack: [node: Parent, depth: number][] = [[tree as Parent, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Parent, number];
    const children = node.children;
    if (!Array.isArray(children) || children.length === 0) continue;
    // Root is level 0: its children are the first level.
    if (depth > MAX_NESTING) {
      return {
        line: (node.position?.start.line ?? 1) + lineOffset,
        message: `nested too deep: ${describeNode(node)} here lies ${depth} levels deep (blockquotes, lists, tags and emphasis inside one another); ${LIMIT}. Look for an unclosed tag, or stray > or list markers`,
      };
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Parent, depth + 1]);
  }
  return undefined;
}
