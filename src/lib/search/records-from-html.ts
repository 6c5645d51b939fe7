/**
 * The search records of a built issue page: one per `<article data-pagefind-body>` (article or
 * city report), with its front-matter facts (`data-search`) and the text a reader sees in it.
 * Left out: the heading (taken from the facts, line by line), anything marked
 * `data-pagefind-ignore` (references, "not archived" notes, link boxes), and articles nested
 * inside (a compilation's city reports are records of their own).
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { SearchFacetsSchema, type SearchFacets } from './record.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface ExtractedRecord {
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

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const has = (e: Element, name: string) => e.attrs.some((a) => a.name === name);
const isRecord = (e: Element) => e.tagName === 'article' && has(e, 'data-pagefind-body');
const childrenOf = (n: Node): Node[] => ('content' in n ? n.content.childNodes : 'childNodes' in n ? n.childNodes : []);

function textOf(root: Element): string {
  let out = '';
  const walk = (node: Node, top: boolean) => {
    if (node.nodeName === '#text') {
      out += (node as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!isElement(node)) return;
    if (SKIP.has(node.tagName) || has(node, 'data-pagefind-ignore') || has(node, 'hidden')) return;
    if (node !== root && isRecord(node)) return;
    // The record's own heading is indexed from its facts, line by line.
    if (top && node.tagName === 'header') return;
    const block = BLOCK.has(node.tagName);
    if (block) out += '\n';
    for (const child of node.childNodes) walk(child, node === root);
    if (block) out += '\n';
  };
  walk(root, false);
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The stretch of a built page that holds its records (all of them, and nothing else they depend on). */
export function articlesOf(html: string): string | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const from = html.indexOf('<article');
  return from < 0 ? undefined : html.slice(from, html.lastIndexOf('</article>') + '</article>'.length);
}

/** Every record on the page, in document order. Throws, naming the anchor, on unreadable facts. */
export function extractSearchRecords(html: string): ExtractedRecord[] {
  const records: ExtractedRecord[] = [];
  const visit = (node: Node) => {
    if (isElement(node) && isRecord(node)) {
      const anchor = attr(node, 'id') ?? '';
      const raw = attr(node, 'data-search');
      if (!anchor || raw === undefined) {
        throw new Error(
          `<article data-pagefind-body${anchor ? ` id="${anchor}"` : ''}> has no ${anchor ? 'data-search facts' : 'id to link to'}`,
        );
      }
      const facets = SearchFacetsSchema.safeParse(JSON.parse(raw));
      if (!facets.success)
        throw new Error(`<article id="${anchor}">: data-search is not valid: ${facets.error.message}`);
      records.push({ anchor, facets: facets.data, body: textOf(node) });
    }
    for (const child of childrenOf(node)) visit(child);
  };
  // Only the stretch holding the articles is parsed: the page around them never holds a record.
  const from = html.indexOf('<article');
  if (from < 0) return records;
  visit(parseFragment(html.slice(from, html.lastIndexOf('</article>') + '</article>'.length)));
  return records;
}

/** All the text a record is searched by: heading lines, then body. */
export const recordText = (r: Pick<ExtractedRecord, 'facets' | 'body'>) => [...r.facets.heading, r.body].join('\n');
