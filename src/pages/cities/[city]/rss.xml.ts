import type { APIContext } from 'astro';
import { CITIES, type City } from '#data/cities.ts';
import { cityFeedItems, type FeedItem } from '#lib/publish/feed.ts';
import { feedResponse } from '#lib/publish/rss.ts';
import { getIssues } from '#lib/site/issues-collection.ts';
import { contentKey } from '#lib/site/cache-key.ts';
import { cityFeedPath, cityPath } from '#lib/site/routes.ts';
import { configuredSite } from '#lib/site/url.ts';

export async function getStaticPaths() {
  const issues = (await getIssues()).map((e) => e.data);
  return CITIES.map((city) => {
    const items = cityFeedItems(issues, city.slug);
    return { params: { city: city.slug }, props: { city, items }, cacheKey: contentKey(items) };
  });
}

interface Props {
  city: City;
  items: FeedItem[];
}

export function GET({ props, site }: APIContext<Props>) {
  const { city, items } = props;
  return feedResponse({
    title: `《开发区建设》专刊 存档：${city.name}`,
    description: `《开发区建设》专刊中${city.name}的“三个一批”活动报道，最新50篇。`,
    pagePath: cityPath(city.slug),
    feedPath: cityFeedPath(city.slug),
    items,
    site: configuredSite(site),
    base: import.meta.env.BASE_URL,
  });
}
