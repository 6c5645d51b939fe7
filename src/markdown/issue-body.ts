/**
 * An issue's MDX body, rendered once in the content layer instead of compiled as a Vite module.
 *
 * The body is parsed as MDX (remark-parse + remark-mdx, GFM as @astrojs/mdx turns it on), goes
 * through the paper's remark and rehype plugins (src/markdown/index.ts: the sanitizer first),
 * gets heading ids as Astro gives them, and comes out as a short list of nodes: stretches of
 * finished HTML, and the archive's components (`<Page>`, `<Article>`, `<CityReport>`, `<Photo>`)
 * with their attributes and children. The issue page renders that list with the real Astro
 * components (src/components/mdx/IssueBody.astro), so they keep their context, citations and
 * images; only the prose between them is already HTML.
 *
 * Why: Vite compiled and bundled every issue's MDX module on every build, even when one issue
 * changed (most of a rebuild's time at 1000 issues, scripts/bench/BENCHMARKS.md). Rendered here,
 * the result is kept in Astro's content store under the file's digest and reused until the file
 * or this code changes (src/markdown/issue-loader.ts).
 *
 * Editors write no expressions, imports or other components: the content check refuses them and
 * the sanitizer drops them, so a body is fully described by HTML and these four components.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Paragraph, Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { jsxStringAttributes } from '#lib/source/jsx-attributes.ts';
import type {} from 'mdast-util-mdx-expression'; // types the `mdxTextExpression` node
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { MDX_COMPONENTS } from '#lib/check/body-allowlist.ts';
import type { FigureSource } from '#lib/figures/sources.ts';
import { rehypePlugins, remarkPlugins } from './index.ts';

export type BodyComponent = (typeof MDX_COMPONENTS)[number];

/** One piece of a rendered body: finished HTML, or one of the archive's components. */
export type BodyNode =
  | { type: 'html'; html: string }
  | { type: 'component'; name: BodyComponent; props: Record<string, string>; children: BodyNode[] };

export interface RenderedBody {
  nodes: BodyNode[];
  /** The `src` of every `<Photo>` that names a file beside the issue (`./…`), in order, each once. */
  photos: string[];
  /** Where each figure of the front-matter is printed (src/markdown/figure-sources.ts). */
  figureSources: FigureSource[];
}

/**
 * MDX's own node types, passed through remark-rehype untouched (as @mdx-js/mdx does). Its
 * `nodeTypes` export is this list; @mdx-js/mdx is no dependency of ours (it comes with
 * @astrojs/mdx), and importing it would need declaring it for five names.
 */
const MDX_NODE_TYPES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
] as const;

const COMPONENTS: ReadonlySet<string> = new Set(MDX_COMPONENTS);

/** An empty attribute as Astro writes it (`data-pagefind-ignore`, not `data-pagefind-ignore=""`). */
const HTML = { collapseEmptyAttributes: true } as const;

/** `./…` or `../…`: a file beside the issue. Anything else is left for the check to refuse. */
const BESIDE_THE_ISSUE = /^\.\.?\//;

/**
 * What @mdx-js/mdx does first (its internal remark-mark-and-unravel): a paragraph holding only
 * JSX and whitespace (`<Photo>…</Photo>` or `<X>text</X>` on one line) is no paragraph, its JSX
 * is flow content of the parent.
 *
 * Written here because @mdx-js/mdx does not export it: it runs it only inside `createProcessor`,
 * which goes on to compile the body to JavaScript, the step this renderer exists to leave out
 * (README, Architecture). tests/unit/markdown.test.ts holds the result equal to that pipeline's
 * on every fixture and on the seed.
 */
function remarkUnravelJsx() {
  return (tree: MdastRoot): undefined => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const onlyJsx =
        node.children.some((c) => c.type === 'mdxJsxTextElement' || c.type === 'mdxTextExpression') &&
        node.children.every(
          (c) =>
            c.type === 'mdxJsxTextElement' ||
            c.type === 'mdxTextExpression' ||
            (c.type === 'text' && /^[\t\n\f\r ]*$/.test(c.value)),
        );
      if (!onlyJsx) return undefined;
      const flow = node.children.flatMap((c): RootContent[] => {
        if (c.type === 'mdxJsxTextElement') return [{ ...c, type: 'mdxJsxFlowElement' } as RootContent];
        if (c.type === 'mdxTextExpression') return [{ ...c, type: 'mdxFlowExpression' }];
        return [];
      });
      parent.children.splice(index, 1, ...(flow as typeof parent.children));
      return index;
    });
  };
}

/** As @mdx-js/mdx calls remark-rehype: MDX nodes pass through to the rehype plugins. */
const TO_HAST: RemarkRehypeOptions = { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] };

/** Built once: the same processor renders every issue. */
const PROCESSOR = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkUnravelJsx)
  .use(remarkGfm)
  .use(remarkPlugins)
  .use(remarkRehype, TO_HAST)
  .use(rehypePlugins)
  .use(rehypeHeadingIds)
  .freeze();

/**
 * Render one issue body. `frontmatter` is the file's front-matter as written (the plugins read
 * its `pages`); `path` names the file in error messages and decides heading-id rules.
 */
export async function renderIssueBody(body: string, frontmatter: Record<string, unknown>, path: string) {
  const file = new VFile({ value: body, path, data: { astro: { frontmatter } } });
  const tree = (await PROCESSOR.run(PROCESSOR.parse(file), file)) as HastRoot;
  const photos: string[] = [];
  const nodes = merge(toNodes(plain(tree.children), photos));
  return { nodes, photos: [...new Set(photos)], figureSources: file.data.figureSources ?? [] } satisfies RenderedBody;
}

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Node = HastContent | ElementContent;

const isJsx = (node: Node): node is Jsx => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Whether a subtree holds one of the components (then it cannot be one stretch of HTML). */
function holdsComponent(node: Node): boolean {
  if (isJsx(node) && COMPONENTS.has(node.name ?? '')) return true;
  return 'children' in node && (node.children as Node[]).some(holdsComponent);
}

/**
 * The tree as HTML renders it: lower-case JSX (`<b>`, `<a href>`) as the element it renders as,
 * at any depth; expressions and imports gone (the sanitizer has removed them already; they would
 * render as nothing). Components stay JSX.
 */
function plain(nodes: readonly Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (isJsx(node)) {
      if (COMPONENTS.has(node.name ?? '')) return [{ ...node, children: plain(node.children) as Jsx['children'] }];
      const element: Element = {
        type: 'element',
        tagName: node.name ?? 'span',
        properties: jsxStringAttributes(node),
        children: plain(node.children) as ElementContent[],
      };
      return [element];
    }
    if (node.type.startsWith('mdx')) return [];
    if (node.type === 'element') return [{ ...node, children: plain(node.children) as ElementContent[] }];
    return [node];
  });
}

function toNodes(children: readonly Node[], photos: string[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of children) {
    if (isJsx(node)) {
      const props = jsxStringAttributes(node);
      if (node.name === 'Photo' && props['src'] !== undefined && BESIDE_THE_ISSUE.test(props['src']))
        photos.push(props['src']);
      out.push({
        type: 'component',
        name: node.name as BodyComponent,
        props,
        children: merge(toNodes(node.children, photos)),
      });
    } else if (node.type === 'element' && holdsComponent(node)) {
      // An element around a component: its tags as HTML, what is inside as nodes.
      const close = `</${node.tagName}>`;
      const open = toHtml({ ...node, children: [] }, HTML).slice(0, -close.length);
      out.push({ type: 'html', html: open }, ...toNodes(node.children, photos), { type: 'html', html: close });
    } else out.push({ type: 'html', html: toHtml(node as HastContent, HTML) });
  }
  return out;
}

/** Adjacent stretches of HTML as one; whitespace-only stretches between blocks dropped. */
function merge(nodes: BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (node.type === 'html' && last?.type === 'html') last.html += node.html;
    else out.push(node.type === 'html' ? { ...node } : node);
  }
  return out.filter((n) => n.type !== 'html' || n.html.trim() !== '');
}
