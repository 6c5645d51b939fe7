/**
 * The paper's remark/rehype plugins, run through Astro's own unified processor (the one
 * `astro.config.mjs` builds with `unified({ remarkPlugins, rehypePlugins })`) on the fixtures in
 * tests/fixtures/markdown. Each output is compared whole with its stored `.html`;
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/markdown.test.ts` rewrites them.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  markdownConfigDefaults,
  parseFrontmatter,
  unified,
  type RehypePlugins,
  type RemarkPlugins,
} from '@astrojs/markdown-remark';
import type { ElementContent, Nodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import * as markdown from '../../src/markdown/index.ts';
import { renderIssueBody, type BodyNode } from '../../src/markdown/issue-body.ts';
import { rehypeCjkSpacing } from '../../src/markdown/rehype-cjk-spacing.ts';
import { rehypeSanitizeBody } from '../../src/markdown/rehype-sanitize-body.ts';
import { remarkContinuationNote } from '../../src/markdown/remark-continuation-note.ts';
import { remarkPhotoCredit } from '../../src/markdown/remark-photo-credit.ts';
import { rehypeFigureSources, remarkFigureSources } from '../../src/markdown/figure-sources.ts';
import { jsxStringAttributes } from '#lib/source/jsx-attributes.ts';

const FIXTURES = new URL('../fixtures/markdown/', import.meta.url);
const ISSUES = new URL('../../content/issues/', import.meta.url);
const update = process.env['UPDATE_FIXTURES'] === '1';

interface Plugins {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
}

const ours: Plugins = { remarkPlugins: markdown.remarkPlugins, rehypePlugins: markdown.rehypePlugins };

/**
 * Compiles MDX the way `@astrojs/mdx` does and returns the HTML tree as it stands after the
 * last rehype plugin of ours (the compiler itself only emits JavaScript).
 */
async function renderMdx(
  source: string,
  path: string,
  plugins: Plugins = ours,
  config: typeof markdownConfigDefaults = markdownConfigDefaults,
): Promise<Root> {
  let tree: Root | undefined;
  const capture = () => (hast: Root) => {
    tree = structuredClone(hast);
  };
  const processor = unified({ ...plugins, rehypePlugins: [...plugins.rehypePlugins, capture] });
  const renderer = await processor.createMdxRenderer?.(config, { optimize: false });
  if (renderer === undefined) throw new Error('the unified processor has no MDX renderer');
  const { content, frontmatter } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  await renderer.process(content, path, frontmatter);
  if (tree === undefined) throw new Error(`no HTML tree captured for ${path}`);
  return tree;
}

/** MDX components (`<CityReport city="…">`) shown as elements of that name, so they read in a snapshot. */
function mdxToHtml(tree: Root): string {
  const toElements = (node: Nodes): Nodes => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      return {
        type: 'element',
        tagName: node.name ?? 'fragment',
        properties: jsxStringAttributes(node),
        children: node.children.map(toElements) as ElementContent[],
      };
    }
    if ('children' in node) return { ...node, children: node.children.map(toElements) } as Nodes;
    return node;
  };
  return toHtml(toElements(tree)) + '\n';
}

/** What a reader copies or a search engine indexes: DOM `textContent`. */
function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textContent(child as Nodes)).join('') : '';
}

async function expectSnapshot(name: string, html: string): Promise<void> {
  const expected = new URL(name, FIXTURES);
  if (update) await writeFile(expected, html);
  else if (!existsSync(expected)) throw new Error(`no snapshot ${name}; write it with UPDATE_FIXTURES=1`);
  expect(html).toBe(await readFile(expected, 'utf8'));
}

const mdxIn = async (dir: URL) =>
  (await readdir(dir)).filter((file) => file.endsWith('.mdx')).map((file) => new URL(file, dir));
const mdxFixtures = await mdxIn(FIXTURES);
const issueMdx = await mdxIn(ISSUES);
/** The fixtures and every real issue. */
const allMdx = [...mdxFixtures, ...issueMdx];
const shortName = (url: URL) => url.pathname.split('/').slice(-2).join('/');

describe('MDX fixtures through the Astro MDX pipeline', () => {
  test.each(mdxFixtures.map((url) => [shortName(url), url] as const))('%s', async (_, url) => {
    const html = mdxToHtml(await renderMdx(await readFile(url, 'utf8'), url.pathname));
    await expectSnapshot(`${basename(url.pathname, '.mdx')}.html`, html);
  });

  test.each(allMdx.map((url) => [shortName(url), url] as const))(
    '%s: CJK spacing leaves the text a reader sees unchanged',
    async (_, url) => {
      const source = await readFile(url, 'utf8');
      const withSpacing = await renderMdx(source, url.pathname);
      const without = await renderMdx(source, url.pathname, {
        remarkPlugins: markdown.remarkPlugins,
        rehypePlugins: [],
      });
      expect(textContent(withSpacing)).toBe(textContent(without));
    },
  );
});

/** A rendered body as `mdxToHtml` shows the MDX pipeline's tree: components as elements of their name. */
function bodyToHtml(nodes: readonly BodyNode[]): string {
  return nodes
    .map((node) =>
      node.type === 'html'
        ? node.html
        : toHtml(
            {
              type: 'element',
              tagName: node.name,
              properties: node.props,
              children: [{ type: 'raw', value: bodyToHtml(node.children) }],
            },
            { allowDangerousHtml: true },
          ),
    )
    .join('');
}

/** Without layout whitespace between tags and with empty attributes written short, as Astro writes them. */
const betweenTags = (html: string) => html.replace(/>\s+</g, '><').replace(/=""/g, '').trim();

describe('issue bodies rendered in the content layer', () => {
  // The issue loader renders bodies itself instead of through @astrojs/mdx: the HTML must be the
  // same, but for syntax highlighting, which bodies do without (a newspaper prints no code, and
  // Shiki's inline colours would be refused by the pages' Content-Security-Policy).
  const unhighlighted = { ...markdownConfigDefaults, syntaxHighlight: false as const };
  test.each(allMdx.map((url) => [shortName(url), url] as const))(
    '%s: the same HTML as the Astro MDX pipeline',
    async (_, url) => {
      const source = await readFile(url, 'utf8');
      const { content, frontmatter } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
      const { nodes } = await renderIssueBody(content, frontmatter, url.pathname);
      const viaMdx = await renderMdx(source, url.pathname, ours, unhighlighted);
      expect(betweenTags(bodyToHtml(nodes))).toBe(betweenTags(mdxToHtml(viaMdx)));
    },
  );
});

describe('the sanitizer', () => {
  const withoutSanitizer: Plugins = {
    remarkPlugins: markdown.remarkPlugins,
    rehypePlugins: markdown.rehypePlugins.filter((p) => p !== rehypeSanitizeBody),
  };

  test('no page carries script: unsafe links, handlers, styles and unknown attributes are gone, the text stays', async () => {
    const url = new URL('unsafe.mdx', FIXTURES);
    const html = mdxToHtml(await renderMdx(await readFile(url, 'utf8'), url.pathname));
    expect(html).not.toMatch(/javascript:|vbscript:|data:|\son[a-z]+=|\sstyle=|class="hot"/i);
    for (const text of ['脚本链接', '字符引用', 'Markdown 链接', '悬停', '未知组件中的文字', '忻州：项目总数'])
      expect(html).toContain(text);
    for (const safe of [
      'href="https://example.org/"',
      'href="/issues/"',
      'href="#lead"',
      'href="mailto:kfjzsk@163.com"',
      'title="说明"',
    ])
      expect(html).toContain(safe);
    expect(html).toContain('<Article id="lead">');
    expect(html).toContain('<CityReport city="xinzhou">');
  });

  // Every real issue: the sanitizer removes nothing an editor legitimately writes.
  test.each(issueMdx.map((url) => [shortName(url), url] as const))(
    '%s: a safe body passes unchanged',
    async (_, url) => {
      const source = await readFile(url, 'utf8');
      const sanitized = mdxToHtml(await renderMdx(source, url.pathname));
      expect(sanitized).toBe(mdxToHtml(await renderMdx(source, url.pathname, withoutSanitizer)));
    },
  );
});

describe('Markdown (.md) through the Astro renderer', () => {
  test('astro.md renders with the page conventions', async () => {
    const renderer = await unified(ours).createRenderer(markdownConfigDefaults);
    const { content, frontmatter } = parseFrontmatter(await readFile(new URL('astro.md', FIXTURES), 'utf8'));
    const { code } = await renderer.render(content, { frontmatter });
    await expectSnapshot('astro.html', code + '\n');
  });
});

describe('continuation notes', () => {
  const note = '（下转D3版）\n\n(上接D1版)';

  test('the archivedPages option overrides the front-matter', async () => {
    const plugins: Plugins = {
      remarkPlugins: [[remarkContinuationNote, { archivedPages: ['D3'] }]],
      rehypePlugins: [],
    };
    const html = mdxToHtml(await renderMdx(`---\npages: [D1]\n---\n\n${note}`, 'override.mdx', plugins));
    expect(html).toBe(
      '<p class="continuation"><a href="#page-d3">（下转D3版）</a></p>\n' +
        '<p class="continuation continuation--missing">(上接D1版)<span class="continuation__note" data-pagefind-ignore="">D1版未收录</span></p>\n',
    );
  });

  test('without a list of archived pages the note is marked but neither linked nor called missing', async () => {
    const plugins: Plugins = { remarkPlugins: [remarkContinuationNote], rehypePlugins: [] };
    const html = mdxToHtml(await renderMdx(note, 'no-pages.mdx', plugins));
    expect(html).toBe('<p class="continuation">（下转D3版）</p>\n<p class="continuation">(上接D1版)</p>\n');
  });
});

describe('photo credits', () => {
  test('the credit keeps its mark and spacing in the text', async () => {
    const plugins: Plugins = { remarkPlugins: [remarkPhotoCredit], rehypePlugins: [] };
    const tree = await renderMdx('■阮洋 摄', 'credit.mdx', plugins);
    expect(textContent(tree)).toBe('■阮洋 摄');
    expect(mdxToHtml(tree)).toBe(
      '<p class="photo-credit"><span class="photo-credit__mark" aria-hidden="true">■</span>阮洋 摄</p>\n',
    );
  });
});

describe('CJK spacing', () => {
  const spaced = async (text: string) =>
    mdxToHtml(await renderMdx(text, 'spacing.mdx', { remarkPlugins: [], rehypePlugins: [rehypeCjkSpacing] }));

  test('marks only the sides that touch CJK, so no gap follows a comma or a space', async () => {
    expect(await spaced('讯 5月10日，共签约21个')).toBe(
      '<p>讯 <span class="latn latn--end">5</span>月<span class="latn">10</span>日，共签约<span class="latn">21</span>个</p>\n',
    );
  });

  test('running twice changes nothing more', async () => {
    const once = await renderMdx('总投资70.05亿元', 'twice.mdx', {
      remarkPlugins: [],
      rehypePlugins: [rehypeCjkSpacing],
    });
    const twice = structuredClone(once);
    rehypeCjkSpacing()(twice);
    expect(twice).toEqual(once);
  });
});

test('the public API is the two plugin lists, in the order they run', () => {
  expect(Object.keys(markdown).sort()).toEqual(['rehypePlugins', 'remarkPlugins']);
  expect(markdown.remarkPlugins).toEqual([remarkContinuationNote, remarkPhotoCredit, remarkFigureSources]);
  expect(markdown.rehypePlugins).toEqual([rehypeSanitizeBody, rehypeFigureSources, rehypeCjkSpacing]);
});
