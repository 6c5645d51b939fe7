/**
 * What search knows about an article or city report besides its text: the facts a result shows
 * (title, issue, date, city) and the values it can be narrowed by (city, year, issue, kind,
 * round). Built from the front-matter, rendered onto the `<article>` as `data-search` by the MDX
 * components, and read back by the indexer (src/integrations/pagefind.ts), so the index never
 * reconstructs from page text what the front-matter states.
 */
import { newestFirst } from '#lib/archive/order.ts';
import { z } from 'astro/zod';
import { CITIES, cityName } from '#data/cities.ts';
import { ARTICLE_KINDS, type Article } from '#schemas/article.ts';
import type { CityReport } from '#schemas/city-report.ts';
import { issueIdentity, issueKey, issueLabel, type Issue } from '#schemas/issue.ts';

/** The kind search files a city report under, beside the article kinds. */
export const CITY_REPORT_KIND = '城市报道';

export const SearchFacetsSchema = z.strictObject({
  /** Result title: the headline, or `忻州：项目总数61个 总投资148.17亿元` for a city report. */
  title: z.string().min(1),
  /** The printed heading lines (引题, 主题, 副题; or `忻州：` and its two lines), weighted above the body. */
  heading: z.array(z.string()),
  /** Issue key `2024-18`, the value of the issue filter. */
  issue: z.string(),
  /** `2024年第18期`, shown in results. */
  issueLabel: z.string(),
  /** Year of the issue, the value of the year filter. */
  year: z.number().int(),
  /** Issue number within the year. */
  number: z.number().int(),
  /** Publication date as far as the issue states it; absent when unknown. */
  date: z.string().optional(),
  /** The 版 (`D1`), when known. */
  page: z.string().optional(),
  /** 要闻 / 报道集锦 / 编前语 / 城市报道 / …, the value of the kind filter. */
  kind: z.string(),
  /** City slugs: the report's city, or the cities of the projects an article names. */
  cities: z.array(z.string()),
  /** Round ids (`2024-2`) the piece reports on. */
  rounds: z.array(z.string()),
});

export type SearchFacets = z.infer<typeof SearchFacetsSchema>;

function issueFacets(issue: Issue) {
  const { key, label, ...rest } = issueIdentity(issue);
  return { issue: key, issueLabel: label, ...rest };
}

const unique = (values: string[]) => [...new Set(values)];

export function articleSearchFacets(issue: Issue, article: Article): SearchFacets {
  return {
    title: article.title,
    heading: [article.kicker, article.title, article.subtitle].filter((l): l is string => l !== undefined),
    ...issueFacets(issue),
    page: article.page,
    kind: article.kind,
    cities: unique(issue.projects.filter((p) => p.source === article.id).map((p) => p.city)),
    // An issue declares the rounds it reports on; its articles are about them.
    rounds: issue.rounds.map((r) => r.id),
  };
}

export function cityReportSearchFacets(issue: Issue, report: CityReport): SearchFacets {
  const name = cityName(report.city);
  const page = issue.articles.find((a) => a.id === report.article)?.page;
  return {
    title: `${name}：${report.headline.join(' ')}`,
    heading: [`${name}：`, ...report.headline],
    ...issueFacets(issue),
    ...(page === undefined ? {} : { page }),
    kind: CITY_REPORT_KIND,
    cities: [report.city],
    rounds: [report.round],
  };
}

/** Sort key for "newest first": issues are numbered in publication order within a year. */
export const issueOrder = (f: Pick<SearchFacets, 'year' | 'number'>) => String(f.year * 100 + f.number);

export interface FilterOption {
  /** The filter value, as in the URL and the index (`xinzhou`, `2024-18`). */
  value: string;
  label: string;
}

/** `全省开发区2024年第二次“三个一批”活动` → `2024年第二次`; other names as printed. */
export function roundLabel(name: string): string {
  return /\d{4}年第[^年]{1,4}?[次期]/.exec(name)?.[0] ?? name;
}

/** The filters the search page offers in full; issues are offered a year at a time (issuesByYear). */
export type PageFilterKey = 'city' | 'year' | 'kind' | 'round';

/**
 * The values each filter can take in this archive: exactly those its pieces carry, so no
 * choice leads to an empty list by construction. Newest issues and years first. Issues come
 * per year: the page lists the years, and a year's issues load when a reader picks it, so
 * the page stays the same size however many issues the archive holds.
 */
export function searchFilterOptions(issues: readonly Issue[]): {
  page: Record<PageFilterKey, FilterOption[]>;
  issuesByYear: Map<string, FilterOption[]>;
} {
  const facets = issues.flatMap((issue) => [
    ...issue.articles.map((a) => articleSearchFacets(issue, a)),
    ...issue.cityReports.map((r) => cityReportSearchFacets(issue, r)),
  ]);
  const present = (values: string[]) => new Set(values);
  const cities = present(facets.flatMap((f) => f.cities));
  const kinds = present(facets.map((f) => f.kind));
  const newest = newestFirst(issues);
  const rounds = new Map<string, string>();
  for (const issue of newest) for (const r of issue.rounds) if (!rounds.has(r.id)) rounds.set(r.id, roundLabel(r.name));
  const issuesByYear = new Map<string, FilterOption[]>();
  for (const i of newest) {
    const year = String(i.year);
    issuesByYear.set(year, [...(issuesByYear.get(year) ?? []), { value: issueKey(i), label: issueLabel(i) }]);
  }
  return {
    page: {
      city: CITIES.filter((c) => cities.has(c.slug)).map((c) => ({ value: c.slug, label: c.name })),
      year: [...issuesByYear.keys()].map((y) => ({ value: y, label: `${y}年` })),
      kind: [...ARTICLE_KINDS, CITY_REPORT_KIND]
        .filter((k, i, all) => kinds.has(k) && all.indexOf(k) === i)
        .map((k) => ({ value: k, label: k })),
      round: [...rounds].map(([value, label]) => ({ value, label })),
    },
    issuesByYear,
  };
}
