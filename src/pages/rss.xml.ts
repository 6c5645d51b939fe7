import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getIssues } from '#lib/site/issues.ts';
import { feedDate, feedItems } from '#lib/publish/feed.ts';
import { absoluteUrl, configuredSite } from '#lib/site/url.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function GET(context: APIContext) {
  const site = configuredSite(context.site);
  const base = import.meta.env.BASE_URL;
  const issues = (await getIssues()).map((e) => e.data);
  return rss({
    title: '《开发区建设》专刊 存档',
    description: '《开发区建设》专刊电子版存档：逐期原文与各市“三个一批”项目报道。',
    site: absoluteUrl(site, base, '/'),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${absoluteUrl(site, base, '/rss.xml')}" rel="self" type="application/rss+xml"/>`,
    items: feedItems(issues).map((item) => {
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
