/**
 * Reads the MDX body of an issue the way the MDX compiler does, and returns the pieces the
 * checks need: each `<Article id>` and `<CityReport city>` with its own text and line.
 * Pure: no Astro imports, usable from scripts and tests.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { jsxAttribute } from './jsx-attributes.ts';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { MAX_NESTING, nestingBeforeParse, nestingOfTree } from './nesting.ts';

export interface BodySection {
  /** `Article` or `CityReport`. */
  component: 'Article' | 'CityReport';
  /** The anchor: `id` of an Article; `id` or `city` of a CityReport. */
  anchor: string;
  /** `city` attribute of a CityReport. */
  city?: string;
  /** Plain text inside the element, paragraphs separated by blank lines; nested reports excluded. */
  text: string;
  /** 1-based line of the opening tag in the whole file. */
  line: number;
}

export interface ParsedBody {
  sections: BodySection[];
  /** `<Page id="D1">` wrappers: the printed pages (版) the text is laid out on. */
  pages: { id: string; line: number }[];
  /** All text of the body in reading order, paragraphs separated by blank lines. */
  text: string;
  /** The whole mdast tree, for checks on what the MDX compiler would run (components, expressions, links). */
  tree: Root;
}

export class MdxSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = 'MdxSyntaxError';
    this.line = line;
  }
}

const SECTION_COMPONENTS = new Set(['Article', 'CityReport']);

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Text of a subtree, blocks separated by blank lines; nested sections are left to themselves. */
function blockText(nodes: readonly RootContent[]): string {
  const parts: string[] = [];
  for (const n of nodes) {
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && SECTION_COMPONENTS.has(n.name ?? ''))
      continue;
    if (n.type === 'paragraph' || n.type === 'heading') parts.push(toString(n));
    else if ('children' in n && Array.isArray(n.children)) {
      const inner = blockText(n.children as RootContent[]);
      if (inner) parts.push(inner);
    } else {
      const t = toString(n);
      if (t) parts.push(t);
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Built once: setting up the processor for every issue is a measurable part of checking 1000. */
const MDX_PARSER = unified().use(remarkParse).use(remarkMdx).freeze();

/**
 * Parse an MDX body. `lineOffset` is the number of lines before the body in the file
 * (front-matter included), so reported lines point into the file the editor has open.
 * A body nested deeper than MAX_NESTING is refused before anything walks it (nesting.ts).
 */
export function parseMdxBody(body: string, lineOffset = 0): ParsedBody {
  const lines = nestingBeforeParse(body);
  if (lines) throw new MdxSyntaxError(lines.message, lines.line + lineOffset);
  let tree: Root;
  try {
    tree = MDX_PARSER.parse(body);
  } catch (error) {
    // The last resort, should the parser ever recurse past the stack on a shape the scan missed.
    if (error instanceof RangeError) {
      throw new MdxSyntaxError(
        `the text could not be read (${error.message}): it is likely nested too deep; the text may nest at most ${MAX_NESTING} levels`,
        undefined,
      );
    }
    const e = error as {
      message?: string;
      reason?: string;
      line?: number;
      place?: { line?: number; start?: { line?: number } };
    };
    const reason = e.reason ?? e.message ?? String(error);
    // An unclosed tag is found where its parent ends; the opening tag is where the editor must look.
    const opened = /closing tag for `<([^>]*)>` \((\d+):\d+-\d+:\d+\)/.exec(reason);
    if (opened) {
      const [, name = '', at = '1'] = opened;
      throw new MdxSyntaxError(
        `MDX does not parse: <${name}> opened on this line is not closed (${reason}); add </${name}> where its text ends`,
        Number(at) + lineOffset,
      );
    }
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    throw new MdxSyntaxError(
      `MDX does not parse: ${reason}. Check for an unclosed or mistyped <Tag>, or a stray { } < > in the text (write them as \\{ \\} &lt; &gt;)`,
      line === undefined ? undefined : line + lineOffset,
    );
  }
  const deep = nestingOfTree(tree, lineOffset);
  if (deep) throw new MdxSyntaxError(deep.message, deep.line);
  const sections: BodySection[] = [];
  const pages: ParsedBody['pages'] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const el = node as JsxElement;
    if (el.name === 'Page')
      pages.push({ id: jsxAttribute(el, 'id') ?? '', line: (el.position?.start.line ?? 1) + lineOffset });
    if (!el.name || !SECTION_COMPONENTS.has(el.name)) return;
    const component = el.name as BodySection['component'];
    const city = jsxAttribute(el, 'city');
    const anchor = jsxAttribute(el, 'id') ?? city ?? '';
    sections.push({
      component,
      anchor,
      ...(city === undefined ? {} : { city }),
      text: blockText(el.children as RootContent[]),
      line: (el.position?.start.line ?? 1) + lineOffset,
    });
  });
  return { sections, pages, text: allText(tree), tree };
}

/**
 * The articles and city reports of a body's tree, each with its anchor and its text as the
 * checks read it: for the renderer, which marks figures' clauses in the same text.
 */
export function bodySections(nodes: readonly RootContent[]): Pick<BodySection, 'component' | 'anchor' | 'text'>[] {
  const out: Pick<BodySection, 'component' | 'anchor' | 'text'>[] = [];
  visit({ type: 'root', children: [...nodes] } as Root, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const el = node as JsxElement;
    if (!el.name || !SECTION_COMPONENTS.has(el.name)) return;
    const anchor = jsxAttribute(el, 'id') ?? jsxAttribute(el, 'city') ?? '';
    out.push({ component: el.name as BodySection['component'], anchor, text: blockText(el.children as RootContent[]) });
  });
  return out;
}

function allText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (n) => {
    if (n.type === 'paragraph' || n.type === 'heading') {
      parts.push(toString(n));
      return 'skip';
    }
    return undefined;
  });
  return parts.join('\n\n');
}
