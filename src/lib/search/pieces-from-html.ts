/**
 * The pieces of a built issue page, as the index reads them: one per
 * `<article data-pagefind-body>` (article or city report), with its front-matter facts
 * (`data-search`) and the text a reader sees in it. Left out: the heading (taken from the facts,
 * line by line), anything marked `data-pagefind-ignore` (references, "not archived" notes, link
 * boxes), and articles nested inside (a compilation's city reports are pieces of their own).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SearchFacetsSchema, type SearchFacets } from './facets.ts';
import { pieceText } from './pieces.ts';

type Node = Root | RootContent;

/** A piece as the built page holds it: its anchor, its facts and its text. */
export interface ExtractedPiece {
  /** The element's id: the anchor a result links to. */
  anchor: string;
  facets: SearchFacets;
  /** Body text, paragraphs separated by newlines. */
  body: string;
}

/** Elements that end a run of text: their text never joins the text before or after them. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
/** Never text a reader reads as the article. */
const SKIP = new Set(['button', 'noscript', 'script', 'style', 'template']);

const isElement = (n: Node): n is Element => n.type === 'element';
/** Whether the element carries the attribute (hast names it in camel case: `dataPagefindIgnore`). */
const has = (e: Element, property: string) => {
  const value = e.properties[property];
  return value !== undefined && value !== null && value !== false;
};
const stringProperty = (e: Element, property: string) => {
  const value = e.properties[property];
  return typeof value === 'string' ? value : undefined;
};
const isPiece = (e: Element) => e.tagName === 'article' && has(e, 'dataPagefindBody');
/** A node's children, and a template's content (as the HTML parser keeps it apart). */
const childrenOf = (n: Node): readonly Node[] => {
  if (n.type === 'root') return n.children;
  if (!isElement(n)) return [];
  return n.content ? [n.content, ...n.children] : n.children;
};

function textOf(root: Element): string {
  let out = '';
  const walk = (node: Node, top: boolean) => {
    if (node.type === 'text') {
      out += node.value;
      return;
    }
    if (!isElement(node)) return;
    if (SKIP.has(node.tagName) || has(node, 'dataPagefindIgnore') || has(node, 'hidden')) return;
    if (node !== root && isPiece(node)) return;
    // The piece's own heading is indexed from its facts, line by line.
    if (top && node.tagName === 'header') return;
    const block = BLOCK.has(node.tagName);
    if (block) out += '\n';
    for (const child of node.children) walk(child, node === root);
    if (block) out += '\n';
  };
  walk(root, false);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The stretch of a built page that holds its pieces (all of them, and nothing else they depend on). */
export function articlesOf(html: string): string | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const from = html.indexOf('<article');
  return from < 0 ? undefined : html.slice(from, html.lastIndexOf('</article>') + '</article>'.length);
}

/** Every piece on the page, in document order. Throws, naming the anchor, on unreadable facts. */
export function extractPieces(html: string): ExtractedPiece[] {
  const pieces: ExtractedPiece[] = [];
  const visit = (node: Node) => {
    if (isElement(node) && isPiece(node)) {
      const anchor = stringProperty(node, 'id') ?? '';
      const raw = stringProperty(node, 'dataSearch');
      if (!anchor || raw === undefined) {
        throw new Error(
          `<article data-pagefind-body${anchor ? ` id="${anchor}"` : ''}> has no ${anchor ? 'data-search facts' : 'id to link to'}`,
        );
      }
      const facets = SearchFacetsSchema.safeParse(JSON.parse(raw));
      if (!facets.success)
        throw new Error(`<article id="${anchor}">: data-search is not valid: ${facets.error.message}`);
      pieces.push({ anchor, facets: facets.data, body: textOf(node) });
    }
    for (const child of childrenOf(node)) visit(child);
  };
  // Only the stretch holding the articles is parsed: the page around them never holds a piece.
  const stretch = articlesOf(html);
  if (stretch !== undefined) visit(fromHtml(stretch, { fragment: true }));
  return pieces;
}

/** All the text an extracted piece is searched by: heading lines, then body (as pieceText). */
export const extractedPieceText = (p: Pick<ExtractedPiece, 'facets' | 'body'>) =>
  pieceText({ heading: p.facets.heading, text: p.body });
