// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { MAX_IMAGE_PIXELS } from './src/lib/check/image-rules.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { devSearchIndex } from './src/integrations/dev-search-index.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { regionEditor } from './src/integrations/region-editor.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/index.ts';

/**
 * Where the archive is served. SITE_URL is the origin used for canonical URLs and feeds;
 * BASE_PATH lets the same build live under a sub-path (e.g. GitHub Pages: /kfjz-archive/).
 */
const site = process.env.SITE_URL ?? 'https://kfjz.example.org';
const base = process.env.BASE_PATH ?? '/';

/**
 * The sitemap as the protocol splits it: a sitemap index (/sitemap-index.xml) naming one sitemap
 * for the issue pages and one for the other pages, each cut into files of at most SITEMAP_LIMIT
 * URLs (the protocol allows 50 000), so no file grows with the archive beyond that.
 */
const SITEMAP_LIMIT = 1000;
const isIssuePage = (/** @type {{ url: string }} */ item) => /\/issues\/\d{4}\/\d+\/$/.test(new URL(item.url).pathname);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets always as files: the Content-Security-Policy (src/lib/site/csp.ts) allows no inline style.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts too: Vite would inline small ones, which the CSP (no 'unsafe-inline') refuses to run.
  vite: { build: { assetsInlineLimit: 0 } },
  // Astro's sharp service, failing the build where Astro's own would publish an image it could not
  // optimise as it is; with the content check's pixel limit (src/lib/check/image-rules.ts).
  image: {
    service: { entrypoint: './src/integrations/image-service.ts', config: { limitInputPixels: MAX_IMAGE_PIXELS } },
  },
  markdown: {
    // smartypants would rewrite the source's quotes and dashes; the archive keeps them as printed.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
  },
  // Pages whose getStaticPaths gives a cacheKey are reused from the last build when neither
  // their data nor their code changed: adding one issue re-renders that issue, not the archive.
  experimental: { incrementalBuild: true },
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({ entryLimit: SITEMAP_LIMIT, chunks: { issues: (item) => (isIssuePage(item) ? item : undefined) } }),
    pagefindSearch(),
    devSearchIndex(),
    regionEditor(),
  ],
});
