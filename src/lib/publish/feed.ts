/**
 * The RSS items: each issue, then each of its articles and city reports, linking to their
 * anchors on the issue page. No pubDate unless the issue states its date (the seed does not);
 * RSS 2.0 makes pubDate optional, and a made-up date would mislead readers and aggregators.
 */
import { cityName } from '#data/cities.ts';
import type { Issue } from '#schemas/issue.ts';
import { issueLabel } from '#schemas/issue.ts';
import { issueAnchorPath, issuePath } from '#lib/site/routes.ts';

export interface FeedItem {
  title: string;
  /** Site path (without base) of the item, anchors included. */
  path: string;
  description: string;
  /** Reporters, for `<dc:creator>`. */
  creators: string[];
  /** The issue's date when the content states one (`2024`, `2024-05` or `2024-05-10`). */
  date?: string;
}

/** Items for issues given newest first; within an issue, in reading order. */
export function feedItems(issues: readonly Issue[]): FeedItem[] {
  return issues.flatMap((issue) => {
    const label = issueLabel(issue);
    const dated = issue.date ? { date: issue.date } : {};
    const top = issue.articles.filter((a) => !a.partOf);
    const issueItem: FeedItem = {
      title: `《开发区建设》专刊 ${label}`,
      path: issuePath(issue),
      description: `${label}，${issue.pages.map((p) => p.id).join('、')}版：${top.map((a) => a.title).join('；')}`,
      creators: [],
      ...dated,
    };
    const articles = top.map((a): FeedItem => ({
      title: a.title,
      path: issueAnchorPath(issue, a.id),
      description: [a.kicker, a.subtitle, `${label} ${a.page}版`].filter((x) => x).join(' · '),
      creators: a.byline,
      ...dated,
    }));
    const reports = issue.cityReports.map((r): FeedItem => {
      const city = cityName(r.city);
      return {
        title: `${city}：${r.headline.join(' ')}`,
        path: issueAnchorPath(issue, r.id ?? r.city),
        description: [r.venue ? `分会场：${r.venue}` : undefined, `${label}`].filter((x) => x).join(' · '),
        creators: r.reporter ? [r.reporter] : [],
        ...dated,
      };
    });
    return [issueItem, ...articles, ...reports];
  });
}

/** A partial date as RSS needs it: only a full day is a date we can state. */
export function feedDate(date: string | undefined): Date | undefined {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00+08:00`) : undefined;
}
