import type { APIContext } from 'astro';
import { absoluteUrl, configuredSite } from '#lib/site/url.ts';

/** Everything may be crawled; the sitemap lives under the base path. */
export function GET(context: APIContext) {
  const site = configuredSite(context.site);
  const sitemap = absoluteUrl(site, import.meta.env.BASE_URL, '/sitemap-index.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
