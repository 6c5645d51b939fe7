/**
 * Checks on an issue's MDX body for what parses but would still break or spoil the build:
 * code the MDX compiler would run (imports, `{expressions}`), components the pages do not
 * provide, `<Page>`s left empty, and anchors (ids that clash, `#links` that lead nowhere).
 * Pure: works on the mdast tree from mdx-body.ts, no Astro imports.
 */
import type { Root, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { hasJsxAttribute, jsxAttribute } from '#lib/source/jsx-attributes.ts';
import { visit } from 'unist-util-visit';
import type { Issue } from '#schemas/issue.ts';
import type { Problem } from './problem.ts';
import { provinceFigureId, reportFigureId } from '#lib/figures/sources.ts';
import { FIGURE_KEYS, FIGURE_PARTS } from '#schemas/figures.ts';
import { pageAnchor, pageScanAnchor, regionAnchor } from '#lib/site/routes.ts';
import {
  FILE_ATTRIBUTES,
  HTML_ELEMENTS,
  LINK_ATTRIBUTES,
  MDX_COMPONENTS,
  refusedAttribute,
  refusedFile,
  refusedLink,
} from './body-allowlist.ts';

/** The attribute each component needs, and what it names. */
const REQUIRED_ATTRIBUTE: Record<string, { name: string; means: string }> = {
  Page: { name: 'id', means: 'the page (版) it holds, e.g. <Page id="D1">' },
  Article: { name: 'id', means: 'the id of its entry under articles, e.g. <Article id="lead">' },
  CityReport: { name: 'city', means: 'the city of its entry under cityReports, e.g. <CityReport city="xinzhou">' },
};

/**
 * Ids the issue page's own layout uses (Base.astro, SiteHeader.astro, PageList.astro,
 * issues/[year]/[number].astro). An article or report anchor equal to one would give the page
 * two elements with that id. Round tables add `figures-<round id>`, pages `page-d1`.
 */
export const LAYOUT_IDS = ['main', 'site-search', 'page-list-title', 'cite-issue'] as const;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isElement = (n: { type: string }): n is JsxElement =>
  n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/** True when an MDX expression holds nothing but comments (`{/* … *\/}`), which render as nothing. */
function isCommentOnly(node: {
  value: string;
  data?: { estree?: { body: unknown[] } | null | undefined } | undefined;
}): boolean {
  const body = node.data?.estree?.body;
  return body ? body.length === 0 : node.value.trim() === '';
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/**
 * What in the body the MDX compiler would treat as code or could not render. Needs no
 * front-matter, so it runs even when the front-matter has errors.
 */
export function checkMdxBody(tree: Root, file: string, lineOffset = 0): Problem[] {
  const problems: Problem[] = [];
  const at = (node: { position?: { start: { line: number } } | undefined }, message: string) => {
    const line = node.position ? node.position.start.line + lineOffset : undefined;
    problems.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });
  };
  const known = new Set<string>([...MDX_COMPONENTS, ...HTML_ELEMENTS]);
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      const refused = refusedLink(node.url);
      if (refused) at(node, refused);
    } else if (node.type === 'mdxjsEsm') {
      at(
        node,
        `\`${short(node.value.split('\n')[0] ?? '')}\`: MDX reads a line starting with import/export as JavaScript, and an issue imports nothing; if it is text, it must not start the line`,
      );
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (!isCommentOnly(node)) {
        at(
          node,
          `\`{${short(node.value)}}\` is a JavaScript expression that MDX would run (the build fails on it); write braces in the text as \\{ \\}. Only comments {/* … */} may stand in braces`,
        );
      }
    } else if (isElement(node)) {
      const name = node.name ?? '';
      if (!known.has(name)) {
        const what =
          name === ''
            ? 'a fragment <>'
            : /^[a-z]/.test(name)
              ? `the HTML element <${name}>`
              : `the component <${name}>`;
        at(
          node,
          `${what} is not available in an issue; use ${MDX_COMPONENTS.map((c) => `<${c}>`).join(', ')} for structure, or the inline HTML ${HTML_ELEMENTS.map((e) => `<${e}>`).join(' ')}`,
        );
        return;
      }
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxExpressionAttribute') {
          at(
            node,
            `<${name} ${short(`{${a.value}}`)}>: spread attributes are JavaScript; write each attribute as name="value"`,
          );
        } else if (a.value !== null && typeof a.value === 'object') {
          at(
            node,
            `<${name} ${a.name}={${short(a.value.value)}}>: attribute values are plain text in quotes, e.g. ${a.name}="…"`,
          );
        } else {
          const value = typeof a.value === 'string' ? a.value : undefined;
          const refused =
            refusedAttribute(name, a.name) ??
            (value !== undefined && (LINK_ATTRIBUTES as readonly string[]).includes(a.name)
              ? refusedLink(value)
              : undefined) ??
            (value !== undefined && (FILE_ATTRIBUTES as readonly string[]).includes(a.name)
              ? refusedFile(value)
              : undefined);
          if (refused) at(node, refused);
        }
      }
      const required = REQUIRED_ATTRIBUTE[name];
      if (required && !hasJsxAttribute(node, required.name)) {
        at(node, `<${name}> needs ${required.name}="…": ${required.means}`);
      }
      if (name === 'Page' && !hasText(node)) {
        const id = jsxAttribute(node, 'id') ?? '…';
        at(
          node,
          `page ${id} has no text yet: paste the text of page ${id}, as printed, inside <Page id="${id}"> … </Page>`,
        );
      }
    }
    return undefined;
  });
  return problems;
}

/** Whether an element holds any printed text (comments and whitespace do not count). */
function hasText(el: JsxElement): boolean {
  let found = false;
  visit(el, 'text', (t: Text) => {
    if (t.value.trim() !== '') found = true;
  });
  return found;
}

/**
 * Anchors on the issue page: every id comes once, and every `#link` in the text points at one.
 * Front-matter anchors clashing with each other are the schema's job; here they are checked
 * against the page's own ids, `<Page>` anchors and `id`s written into the text.
 */
export function checkAnchors(
  issue: Issue,
  tree: Root,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  lineOffset = 0,
): Problem[] {
  const problems: Problem[] = [];
  const layout = new Map<string, string>();
  for (const id of LAYOUT_IDS) layout.set(id, "the issue page's own layout");
  for (const r of issue.rounds) layout.set(`figures-${r.id}`, `the issue page's figures table of round ${r.id}`);
  // Each figure's clause and each derived sum's note (src/lib/figures/sources.ts, IssueFigures.astro).
  for (const r of issue.rounds)
    for (const part of FIGURE_PARTS)
      for (const key of FIGURE_KEYS) {
        layout.set(provinceFigureId(r.id, part, key), `the place of round ${r.id}'s province ${part}.${key}`);
        layout.set(`sum-province-${r.id}-${key}`, `the note on round ${r.id}'s province sum of ${key}`);
      }
  for (const r of issue.cityReports) {
    const anchor = r.id ?? r.city;
    for (const part of FIGURE_PARTS)
      for (const key of FIGURE_KEYS) {
        layout.set(reportFigureId(anchor, part, key), `the place of ${anchor}'s ${part}.${key}`);
        layout.set(`sum-${anchor}-${key}`, `the note on ${anchor}'s sum of ${key}`);
      }
  }

  const anchors = new Map<string, string>();
  // `line` is looked up only for a clash: finding it parses the YAML for its positions.
  const claim = (id: string, what: string, place: { line?: () => number | undefined; field?: string }) => {
    const prior = anchors.get(id) ?? layout.get(id);
    if (prior) {
      const where = { field: place.field, line: place.line?.() };
      problems.push({
        severity: 'error',
        file,
        ...(where.line === undefined ? {} : { line: where.line }),
        ...(where.field === undefined ? {} : { field: where.field }),
        message: `anchor "${id}" of ${what} is already used by ${prior}; give it another id`,
      });
    } else anchors.set(id, what);
  };
  issue.articles.forEach((a, i) => {
    if (!anchors.has(a.id))
      claim(a.id, `article "${a.id}"`, { line: () => lineOf(['articles', i, 'id']), field: `articles[${i}].id` });
  });
  issue.cityReports.forEach((r, i) => {
    const id = r.id ?? r.city;
    if (!anchors.has(id))
      claim(id, `the city report "${id}"`, {
        line: () => lineOf(['cityReports', i, r.id ? 'id' : 'city']),
        field: `cityReports[${i}]`,
      });
  });

  const lineOfNode = (n: { position?: { start: { line: number } } | undefined }) =>
    n.position ? n.position.start.line + lineOffset : undefined;
  const links: { href: string; line: number | undefined }[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      if (node.url.startsWith('#')) links.push({ href: node.url, line: lineOfNode(node) });
    } else if (isElement(node)) {
      const line = lineOfNode(node);
      if (node.name === 'Page') {
        const page = jsxAttribute(node, 'id');
        if (page && anchors.get(pageAnchor(page)) === `<Page id="${page}">`) {
          problems.push({
            severity: 'error',
            file,
            ...(line === undefined ? {} : { line }),
            message: `<Page id="${page}"> appears twice in the text; each page (版) is one <Page> holding all its text`,
          });
        } else if (page) claim(pageAnchor(page), `<Page id="${page}">`, { line: () => line });
      } else if (node.name && /^[a-z]/.test(node.name)) {
        const id = jsxAttribute(node, 'id');
        if (id !== undefined) claim(id, `<${node.name} id="${id}">`, { line: () => line });
        const href = node.name === 'a' ? jsxAttribute(node, 'href') : undefined;
        if (href?.startsWith('#')) links.push({ href, line });
      }
    }
    return undefined;
  });
  for (const a of [...anchors.keys()].filter((id) => id.startsWith('page-')))
    anchors.set(`${a}-label`, 'a page heading');
  // A page with a scan shows it (版面), with a link per article or city report printed on it.
  for (const page of issue.pages.filter((p) => p.scan !== undefined)) {
    claim(pageScanAnchor(page.id), `the scan of page ${page.id}`, {});
    for (const of of new Set(page.regions.map((r) => r.of)))
      claim(regionAnchor(page.id, of), `the region of "${of}" on the scan of page ${page.id}`, {});
  }

  // A named project links to the article or report that names it.
  const sources = new Set([...issue.articles.map((a) => a.id), ...issue.cityReports.map((r) => r.id ?? r.city)]);
  issue.projects.forEach((p, i) => {
    if (p.source === undefined || sources.has(p.source)) return;
    const line = lineOf(['projects', i, 'source']);
    problems.push({
      severity: 'error',
      file,
      ...(line === undefined ? {} : { line }),
      field: `projects[${i}] source`,
      message: `"${p.source}" is not an article or city report of this issue; expected one of: ${[...sources].join(', ')}`,
    });
  });

  for (const { href, line } of links) {
    const target = safeDecode(href.slice(1));
    if (anchors.has(target) || layout.has(target)) continue;
    const offered = [...anchors.keys()].filter((id) => !id.endsWith('-label')).join(', ');
    problems.push({
      severity: 'error',
      file,
      ...(line === undefined ? {} : { line }),
      message:
        target === ''
          ? `a link to "#" leads nowhere; link to an anchor such as #${issue.articles[0]?.id ?? 'lead'}`
          : `the link to #${target} leads nowhere: the issue page has no anchor "${target}" (anchors: ${offered || 'none'})`,
    });
  }
  return problems;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
