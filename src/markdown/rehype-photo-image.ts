/**
 * Photo images: `<Photo src="./2024-18/d1-photo-1.jpg" alt="…">` in an issue's MDX becomes
 * `<Photo src={image} alt="…">` with `import image from './2024-18/d1-photo-1.jpg'`, so Astro's
 * image pipeline reads the file beside the issue and `<Photo>` receives its metadata (width,
 * height) to make responsive variants from. Astro does this for Markdown images `![](…)` but not
 * for a component's string attribute. Sets `photoImages` in the file's front-matter
 * (`remarkPluginFrontmatter`) to how many photos have an image, so the page knows it shows some.
 * Runs after the body sanitizer (src/markdown/rehype-sanitize-body.ts), which drops the imports and
 * expressions an editor might write: these are the archive's own.
 */
import type {} from '@astrojs/markdown-remark'; // types `file.data.astro`
import type { Root } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdxjs-esm'; // the `mdxjsEsm` node
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface Options {
  /** The component whose `src` is an image path; default `Photo`. */
  component?: string | undefined;
}

/** `./…` or `../…`: a file beside the issue. Anything else is left for the check to refuse. */
const RELATIVE = /^\.\.?\//;

export function rehypePhotoImage(options: Readonly<Options> = {}) {
  const component = options.component ?? 'Photo';

  return function transformer(tree: Root, file: VFile): undefined {
    const imports = new Map<string, string>();
    visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElementHast) => {
      if (node.name !== component) return;
      const src = node.attributes.find(
        (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'src' && typeof a.value === 'string',
      );
      if (!src || typeof src.value !== 'string' || !RELATIVE.test(src.value)) return;
      let name = imports.get(src.value);
      if (name === undefined) {
        name = `__photo${imports.size}`;
        imports.set(src.value, name);
      }
      src.value = {
        type: 'mdxJsxAttributeValueExpression',
        value: name,
        data: {
          estree: {
            type: 'Program',
            sourceType: 'module',
            comments: [],
            body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name } }],
          },
        },
      };
    });
    if (imports.size === 0) return;
    tree.children.unshift(
      ...[...imports].map(([path, name]) => ({
        type: 'mdxjsEsm' as const,
        value: `import ${name} from ${JSON.stringify(path)}`,
        data: {
          estree: {
            type: 'Program' as const,
            sourceType: 'module' as const,
            body: [
              {
                type: 'ImportDeclaration' as const,
                attributes: [],
                specifiers: [{ type: 'ImportDefaultSpecifier' as const, local: { type: 'Identifier' as const, name } }],
                source: { type: 'Literal' as const, value: path, raw: JSON.stringify(path) },
              },
            ],
          },
        },
      })),
    );
    const astro = file.data.astro;
    if (astro?.frontmatter) astro.frontmatter['photoImages'] = imports.size;
  };
}
