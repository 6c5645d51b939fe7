/**
 * The bare baseline the benchmark compares against: an Astro 7 + MDX site with one plain page
 * per issue and Pagefind over it, nothing else. Written into a temporary folder that borrows
 * this project's node_modules, so both builds use the very same Astro, MDX and Pagefind.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeBaseline(dir: string, root: string, corpus: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'kfjz-bench-baseline', private: true, type: 'module' }),
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const pagefindHook = {
  name: 'baseline-pagefind',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      try {
        const { index } = await pagefind.createIndex({});
        await index.addDirectory({ path: fileURLToPath(dir) });
        await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) });
      } finally {
        await pagefind.close();
      }
    },
  },
};
export default defineConfig({ integrations: [mdx(), pagefindHook] });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { issues: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(corpus)} }) }) };
`,
    'src/components/Plain.astro': '<div><slot /></div>\n',
    'src/pages/issues/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Plain from '../../components/Plain.astro';
export async function getStaticPaths() {
  return (await getCollection('issues')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const components = { Page: Plain, Article: Plain, CityReport: Plain, Photo: Plain };
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.id}</title></head>
<body data-pagefind-body><h1>{entry.id}</h1><Content components={components} /></body></html>
`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
