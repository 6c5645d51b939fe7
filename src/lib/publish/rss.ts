/**
 * An RSS 2.0 document from feed items (src/lib/publish/feed.ts), through @astrojs/rss: the main
 * feed and each city's feed look alike, link back to themselves and name the reporters.
 */
import rss from '@astrojs/rss';
import { feedDate, type FeedItem } from './feed.ts';
import { absoluteUrl } from '#lib/site/url.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FeedOptions {
  title: string;
  description: string;
  /** The page the feed belongs to (`/`, `/cities/xinzhou/`), without the base path. */
  pagePath: string;
  /** The feed's own path (`/rss.xml`), without the base path. */
  feedPath: string;
  items: readonly FeedItem[];
  /** SITE_URL and BASE_PATH, as Astro has them. */
  site: URL;
  base: string;
}

export function feedResponse({ title, description, pagePath, feedPath, items, site, base }: FeedOptions) {
  return rss({
    title,
    description,
    site: absoluteUrl(site, base, pagePath),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${absoluteUrl(site, base, feedPath)}" rel="self" type="application/rss+xml"/>`,
    items: items.map((item) => {
      const pubDate = feedDate(item.date);
      return {
        title: item.title,
        link: absoluteUrl(site, base, item.path),
        description: item.description,
        ...(pubDate ? { pubDate } : {}),
        ...(item.creators.length > 0
          ? { customData: item.creators.map((c) => `<dc:creator>${escapeXml(c)}</dc:creator>`).join('') }
          : {}),
      };
    }),
  });
}
