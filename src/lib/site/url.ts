/**
 * Absolute URLs for canonical links, feeds and JSON-LD. `new URL('/issues/', site)` would drop
 * a base path such as /kfjz/, so every absolute URL is built here from site + base + path.
 */

/** `https://host/kfjz/` + `/issues/2024/18/#lead` → `https://host/kfjz/issues/2024/18/#lead`. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
  return new URL(path.replace(/^\//, ''), root).href;
}

/** Astro's `site`, which astro.config.mjs always sets (from SITE_URL or its default). */
export function configuredSite(site: URL | undefined): URL {
  if (!site)
    throw new Error('astro.config.mjs sets no `site`; canonical URLs, feeds and the sitemap need it (SITE_URL)');
  return site;
}
