/**
 * The bare baseline the benchmark compares against: an Astro 7 + MDX site with one plain page
 * per issue and Pagefind over it, nothing else. Written into a temporary folder that borrows
 * this project's node_modules, so both builds use the very same Astro, MDX and Pagefind.
 * Its `/search/?q=…` is bare Pagefind as its JS API is documented: no preloads, no options,
 * `search(q)`, then the fragments of the first results (Pagefind's own UI shows five). It sets
 * the project's User Timing marks and status words, so search-cost.ts measures both alike.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Results the baseline's search page shows at first: Pagefind's UI shows five. */
const SHOWN = 5;

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
    'src/pages/search.astro': `<html lang="zh-CN"><head><meta charset="utf-8" /><title>search</title></head>
<body><p id="archive-search-status"></p><ol id="archive-search-results"></ol>
<script is:inline type="module">
const q = new URLSearchParams(location.search).get('q') ?? '';
const status = document.querySelector('#archive-search-status');
const list = document.querySelector('#archive-search-results');
const run = async (query) => {
  performance.mark('kfjz:search-start');
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  performance.mark('kfjz:pagefind-ready');
  const { results } = await pagefind.search(query);
  performance.mark('kfjz:results-found');
  const shown = await Promise.all(results.slice(0, ${SHOWN}).map((r) => r.data()));
  list.replaceChildren(...shown.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }));
  performance.mark('kfjz:results-shown');
  status.textContent = results.length === 0 ? '没有找到' : \`找到 \${results.length} 页\`;
};
const form = document.createElement('form');
const input = document.createElement('input');
input.name = 'q';
form.append(input);
document.body.prepend(form);
form.id = 'archive-search';
form.addEventListener('submit', (e) => { e.preventDefault(); status.textContent = ''; void run(input.value); });
if (q) { input.value = q; void run(q); }
</script></body></html>
`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
