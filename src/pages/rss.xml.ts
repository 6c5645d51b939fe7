import type { APIContext } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { feedItems } from '#lib/publish/feed.ts';
import { feedResponse } from '#lib/publish/rss.ts';
import { configuredSite } from '#lib/site/url.ts';

export async function GET(context: APIContext) {
  return feedResponse({
    title: '《开发区建设》专刊 存档',
    description: '《开发区建设》专刊电子版存档：逐期原文与各市“三个一批”项目报道。最新50条。',
    pagePath: '/',
    feedPath: '/rss.xml',
    items: feedItems((await getIssues()).map((e) => e.data)),
    site: configuredSite(context.site),
    base: import.meta.env.BASE_URL,
  });
}
