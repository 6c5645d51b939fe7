/**
 * Reading a built site as a link checker does: every HTML page in dist/, the URLs its tags point
 * at (href, src, srcset, action) and the anchors it offers, resolved as a static host would
 * serve them under the configured base path.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface SitePage {
  /** Path of the file inside dist/ (`issues/2024/18/index.html`). */
  file: string;
  /** URL path the page is served at, base included (`/kfjz/issues/2024/18/`). */
  url: string;
  html: string;
}

export interface SiteLink {
  tag: string;
  attr: string;
  value: string;
}

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

export interface SiteOptions {
  /** BASE_PATH the site was built with, with slashes: `/` or `/kfjz/`. */
  base: string;
  /** SITE_URL the site was built with; absolute URLs to it are links into the site. */
  site: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e] ?? _);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every .html file in dist/, with the URL it is served at. */
export function sitePages(dist: string, { base }: Pick<SiteOptions, 'base'>): SitePage[] {
  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const file = relative(dist, f).split(sep).join('/');
      const url =
        base + (file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file);
      return { file, url, html: readFileSync(f, 'utf8') };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** Markup outside <script>, <style>, <template> and comments: where links and ids live. */
const markup = (html: string) =>
  html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2></$1>');

/** The URLs a page's tags point at. */
export function linksOf(html: string): SiteLink[] {
  const out: SiteLink[] = [];
  for (const tag of markup(html).matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const [, name = '', attrs = ''] = tag;
    for (const a of attrs.matchAll(/\s(href|src|srcset|action|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const attr = (a[1] ?? '').toLowerCase();
      const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      const values = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const v of values) out.push({ tag: name.toLowerCase(), attr, value: v });
    }
  }
  return out;
}

/** The fragment targets a page offers: ids, and names of <a> elements. */
export function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markup(html).matchAll(/<[a-zA-Z][\w-]*\b[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    ids.add(decodeEntities(m[1] ?? m[2] ?? ''));
  }
  return ids;
}

const FAKE_ORIGIN = 'http://site.invalid';

/**
 * Where an in-site URL lands: the dist file serving it and the fragment, or why it cannot be
 * served. Returns undefined for links that leave the site (other origins, mailto:, …).
 */
export function resolveInSite(
  dist: string,
  fromUrl: string,
  href: string,
  { base, site }: SiteOptions,
): { file: string; fragment: string } | { error: string } | undefined {
  if (href === '') return { error: 'empty URL' };
  if (/^(javascript|vbscript):/i.test(href)) return { error: 'script URL' };
  const url = new URL(href, FAKE_ORIGIN + fromUrl);
  const siteUrl = new URL(site);
  if (url.origin !== FAKE_ORIGIN && url.origin !== siteUrl.origin) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { error: 'malformed percent-encoding' };
  }
  if (!path.startsWith(base)) return { error: `outside the base path ${base}` };
  const inDist = path.slice(base.length);
  const file = inDist === '' || inDist.endsWith('/') ? `${inDist}index.html` : inDist;
  const full = join(dist, file);
  if (!existsSync(full) || statSync(full).isDirectory()) {
    const isDir = existsSync(full) && statSync(full).isDirectory();
    return { error: isDir ? 'directory without trailing slash' : 'no such file' };
  }
  if (href.includes('#') && url.hash === '') return { error: 'empty fragment' };
  return { file, fragment: url.hash ? decodeURIComponent(url.hash.slice(1)) : '' };
}

/** Every broken in-site link or anchor of every page. */
export function findBrokenLinks(
  dist: string,
  options: SiteOptions,
): { pages: SitePage[]; broken: BrokenLink[]; checked: number } {
  const pages = sitePages(dist, options);
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let ids = anchorCache.get(file);
    if (!ids) {
      ids = anchorsOf(readFileSync(join(dist, file), 'utf8'));
      anchorCache.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const link of linksOf(page.html)) {
      if (/^(mailto|tel|data):/i.test(link.value)) continue;
      const target = resolveInSite(dist, page.url, link.value, options);
      if (target === undefined) continue;
      checked++;
      const where = `<${link.tag} ${link.attr}="${link.value}">`;
      if ('error' in target) {
        broken.push({ page: page.url, link: where, reason: target.error });
      } else if (target.fragment && target.file.endsWith('.html') && !anchorsIn(target.file).has(target.fragment)) {
        broken.push({ page: page.url, link: where, reason: `no id "${target.fragment}" in ${target.file}` });
      }
    }
  }
  return { pages, broken, checked };
}
