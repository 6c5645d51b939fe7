/** What the standards tests share: the pages a reader lands on, and how the site is configured by default. */

/** The pages every reader path goes through; each must exist, validate and pass axe. */
export const KEY_PAGES = [
  { name: 'home', path: '/' },
  { name: 'archive by year', path: '/issues/' },
  { name: 'archive: 2024', path: '/issues/2024/' },
  { name: 'issue 2024年第18期', path: '/issues/2024/18/' },
  { name: 'city 忻州', path: '/cities/xinzhou/' },
  { name: 'city 忻州 in 2024', path: '/cities/xinzhou/2024/' },
  { name: 'round 2024年第二次', path: '/rounds/2024-2/' },
  { name: 'search', path: '/search/' },
] as const;

/** One page of every kind the build makes: the key pages, the index pages, open data and 404. */
export const PAGE_KINDS = [
  ...KEY_PAGES,
  { name: 'cities', path: '/cities/' },
  { name: 'rounds', path: '/rounds/' },
  { name: 'open data', path: '/data/' },
  { name: 'not found', path: '/404.html' },
] as const;

/** The widths readers use most: a phone and a laptop. */
export const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

/** astro.config.mjs defaults, used by the shared test build. */
export const DEFAULT_SITE = 'https://kfjz.example.org';
export const DEFAULT_BASE = '/';

/** The `<item>`s of an RSS document: title, link, and whether it has a pubDate. */
export function rssItems(xml: string): { title: string; link: string; pubDate: boolean; creators: string[] }[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item = '']) => ({
    title: /<title>([\s\S]*?)<\/title>/.exec(item)?.[1] ?? '',
    link: /<link>([\s\S]*?)<\/link>/.exec(item)?.[1] ?? '',
    pubDate: item.includes('<pubDate>'),
    creators: [...item.matchAll(/<dc:creator>([\s\S]*?)<\/dc:creator>/g)].map((m) => m[1] ?? ''),
  }));
}

/** The `<loc>`s of a sitemap or sitemap index. */
export const sitemapLocs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
