/**
 * Every figure's clause marked on the issue page. `remarkFigureSources` finds, for each figure of
 * the front-matter, the clause of the text that states it (src/lib/figures/sources.ts, as the
 * content check does) and keeps the list in `file.data.figureSources`; `rehypeFigureSources`
 * wraps each clause in `<span id="xinzhou-signed-investment" class="figure-source">`. Marking adds
 * elements, never characters: the text a reader sees, copies or searches stays as printed.
 *
 * A figure stated in a city report's heading line gets its anchor on that line (CityReport.astro
 * reads the list for it). Clauses that state several figures carry one span per figure, nested.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { jsxAttribute } from '#lib/source/jsx-attributes.ts';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  provinceFigureSources,
  reportFigureSources,
  type FigureSource,
  type ReportForSources,
  type RoundForSources,
} from '#lib/figures/sources.ts';
import { bodySections } from '#lib/source/mdx-body.ts';
import type { FigureField, RoundFigures } from '#schemas/figures.ts';

declare module 'vfile' {
  interface DataMap {
    /** Where each figure of the front-matter is printed: set by remarkFigureSources. */
    figureSources: FigureSource[];
  }
}

/** The class of a marked clause (`:target` lights it, src/styles/global.css). */
export const FIGURE_SOURCE_CLASS = 'figure-source';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const sources = (v: unknown) => (isRecord(v) ? (v as Partial<Record<FigureField, string>>) : undefined);

/** The front-matter as written: figures are read as the schema names them; a malformed one is the check's to report. */
function frontmatterOf(file: VFile) {
  const astro = (file.data as { astro?: { frontmatter?: unknown } }).astro;
  return isRecord(astro?.frontmatter) ? astro.frontmatter : {};
}

/** Sets `file.data.figureSources` from the front-matter and the body's sections. */
export function remarkFigureSources() {
  return (tree: MdastRoot, file: VFile): undefined => {
    const frontmatter = frontmatterOf(file);
    const sections = bodySections(tree.children as RootContent[]);
    const found: FigureSource[] = [];
    for (const r of list(frontmatter['cityReports'])) {
      const anchor = typeof r['id'] === 'string' ? r['id'] : typeof r['city'] === 'string' ? r['city'] : '';
      const section = sections.find((s) => s.component === 'CityReport' && s.anchor === anchor);
      if (!section) continue;
      const report = {
        ...(r as RoundFigures),
        anchor,
        headline: strings(r['headline']),
        sources: sources(r['sources']),
      };
      found.push(...reportFigureSources(report as ReportForSources, section.text).sources);
    }
    const articles = sections.filter((s) => s.component === 'Article');
    for (const r of list(frontmatter['rounds'])) {
      if (typeof r['id'] !== 'string') continue;
      const round = {
        id: r['id'],
        province: isRecord(r['province']) ? r['province'] : {},
        sources: sources(r['sources']),
      };
      found.push(...provinceFigureSources(round as RoundForSources, articles).sources);
    }
    // The page (版) each piece is printed on: the <Page id> around it.
    const pageOf = new Map<string, string>();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Page') return;
      const id = jsxAttribute(node, 'id');
      if (id === undefined) return;
      for (const s of bodySections(node.children as RootContent[])) if (!pageOf.has(s.anchor)) pageOf.set(s.anchor, id);
      return SKIP;
    });
    file.data.figureSources = found.map((s) => {
      const page = pageOf.get(s.in);
      return page === undefined ? s : { ...s, page };
    });
  };
}

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type Parent = HastRoot | Element | Jsx;
type Child = Parent['children'][number];

const SECTIONS = new Set(['Article', 'CityReport']);
const isJsx = (n: Child): n is Jsx => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
const anchorOf = (n: Jsx) => jsxAttribute(n, 'id') ?? jsxAttribute(n, 'city');

/** The elements of the articles and city reports by anchor (the first of an anchor, in reading order). */
function pieceElements(tree: HastRoot): Map<string, Jsx> {
  const pieces = new Map<string, Jsx>();
  const stack: Child[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Child;
    const anchor = isJsx(node) && SECTIONS.has(node.name ?? '') ? anchorOf(node) : undefined;
    if (anchor !== undefined && !pieces.has(anchor)) pieces.set(anchor, node as Jsx);
    if ('children' in node) stack.push(...[...(node.children as Child[])].reverse());
  }
  return pieces;
}

/** The piece's text blocks in reading order (paragraphs, headings), nested pieces left out, as the check reads them. */
function blocks(piece: Jsx): Element[] {
  const out: Element[] = [];
  const stack: Child[] = [...piece.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Child;
    if (isJsx(node) && SECTIONS.has(node.name ?? '')) continue;
    if (node.type === 'element' && /^(p|h[1-6])$/.test(node.tagName)) out.push(node);
    else if ('children' in node) stack.push(...[...(node.children as Child[])].reverse());
  }
  return out;
}

/** The text nodes under `node` in order, each with its parent. */
function textNodes(node: Element): { text: Text; parent: Element }[] {
  const out: { text: Text; parent: Element }[] = [];
  const stack: { node: ElementContent; parent: Element }[] = node.children
    .map((c) => ({ node: c, parent: node }))
    .reverse();
  while (stack.length > 0) {
    const { node: n, parent } = stack.pop() as { node: ElementContent; parent: Element };
    if (n.type === 'text') out.push({ text: n, parent });
    else if (n.type === 'element') stack.push(...n.children.map((c) => ({ node: c, parent: n })).reverse());
  }
  return out;
}

/** Wraps the characters [start, end) of `block`'s text in a span, when they lie in one text node. */
function wrap(block: Element, start: number, end: number, id: string): boolean {
  let at = 0;
  for (const { text, parent } of textNodes(block)) {
    const from = at;
    at += text.value.length;
    if (start < from || end > at) continue;
    const i = parent.children.indexOf(text);
    const [before, inside, after] = [
      text.value.slice(0, start - from),
      text.value.slice(start - from, end - from),
      text.value.slice(end - from),
    ];
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { id, className: [FIGURE_SOURCE_CLASS] },
      children: [{ type: 'text', value: inside }],
    };
    const replaced: ElementContent[] = [
      ...(before ? [{ type: 'text' as const, value: before }] : []),
      span,
      ...(after ? [{ type: 'text' as const, value: after }] : []),
    ];
    parent.children.splice(i, 1, ...replaced);
    return true;
  }
  return false;
}

const textOf = (block: Element) =>
  textNodes(block)
    .map((t) => t.text.value)
    .join('');

/** Marks the clause of every figure whose place is in the text (heading lines are the component's). */
export function rehypeFigureSources() {
  return (tree: HastRoot, file: VFile): undefined => {
    const sources = (file.data.figureSources ?? []).filter((s) => s.occurrence !== undefined);
    const pieces = sources.length > 0 ? pieceElements(tree) : new Map<string, Jsx>();
    for (const source of sources) {
      const piece = pieces.get(source.in);
      const occurrence = source.occurrence ?? 0;
      if (!piece) continue;
      let seen = 0;
      for (const block of blocks(piece)) {
        const text = textOf(block);
        let at = text.indexOf(source.quote);
        while (at >= 0 && seen < occurrence) {
          seen++;
          at = text.indexOf(source.quote, at + 1);
        }
        if (at >= 0) {
          wrap(block, at, at + source.quote.length, source.id);
          break;
        }
      }
    }
  };
}
