/**
 * Defence in depth behind the content check: the issue body's HTML passes through
 * hast-util-sanitize with the check's own allowlist (src/lib/check/body-allowlist.ts), so a
 * `javascript:` link, an `on*` handler or a `style` never reaches a page even if the check is
 * bypassed. MDX components (`<CityReport>`) are JSX nodes in the tree, which the sanitizer does
 * not know: they are sanitised as elements of their own name and turned back into JSX.
 * Expressions are dropped: an issue's only braces are comments, which render as nothing.
 * Runs first among the rehype plugins, so it judges what the editor wrote plus the marks our
 * remark plugins add, and nothing else.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { jsxStringAttributes } from '#lib/source/jsx-attributes.ts';
import { BODY_ATTRIBUTES, HTML_ELEMENTS, LINK_PROTOCOLS, MDX_COMPONENTS } from '#lib/check/body-allowlist.ts';

/** Elements Markdown syntax itself produces (paragraphs, emphasis, links, lists, headings, quotes). */
const MARKDOWN_ELEMENTS = ['p', 'a', 'em', 'strong', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'del'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const SCHEMA: Schema = {
  tagNames: [...new Set([...MARKDOWN_ELEMENTS, ...HEADINGS, ...HTML_ELEMENTS, ...MDX_COMPONENTS])],
  attributes: {
    ...BODY_ATTRIBUTES,
    // The marks of remark-continuation-note and remark-photo-credit.
    p: ['className'],
    span: [...(BODY_ATTRIBUTES['span'] ?? []), 'className', 'dataPagefindIgnore', 'ariaHidden'],
  },
  protocols: { href: [...LINK_PROTOCOLS], src: [] },
  // Anchors (`#xinzhou`) are the archive's own ids: keep them as written.
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
};

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/** JSX components as elements of their name, remembering which kind of JSX node each was. */
function toElements(nodes: readonly (RootContent | ElementContent)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const properties: Element['properties'] = jsxStringAttributes(node);
      out.push({
        type: 'element',
        tagName: node.name ?? '',
        properties,
        children: toElements(node.children),
        // Partial: hast-util-from-parse5's types make `position` required in every element's data,
        // and these elements come from MDX, not from parsed HTML.
        data: { ...node.data, jsx: node.type } as Partial<NonNullable<Element['data']>> as Element['data'],
        ...(node.position ? { position: node.position } : {}),
      });
    } else if (node.type === 'element') out.push({ ...node, children: toElements(node.children) });
    else if (node.type === 'text' || node.type === 'comment') out.push(node);
    // mdxFlowExpression / mdxTextExpression / mdxjsEsm: left out (see above).
  }
  return out;
}

function toJsx(nodes: readonly (RootContent | ElementContent)[]): (RootContent & ElementContent)[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node as RootContent & ElementContent;
    const { jsx, ...data } = (node.data ?? {}) as { jsx?: Jsx['type'] };
    const children = toJsx(node.children);
    if (!jsx) return { ...node, children };
    const back: Jsx = {
      type: jsx,
      name: node.tagName,
      attributes: Object.entries(node.properties).map(([name, value]) => ({
        type: 'mdxJsxAttribute',
        name,
        value: String(value),
      })),
      children,
      data,
      ...(node.position ? { position: node.position } : {}),
    } as Jsx;
    return back as RootContent & ElementContent;
  });
}

export function rehypeSanitizeBody() {
  return (tree: Root): Root => {
    const clean = sanitize({ type: 'root', children: toElements(tree.children) }, SCHEMA) as Root;
    return { ...tree, children: toJsx(clean.children) };
  };
}
