/**
 * schema.org JSON-LD for an issue page: one PublicationIssue and a NewsArticle per article and
 * per city report, from what the front-matter states and nothing else. No date unless the
 * issue has one; no publisher, image or description, which the content does not give.
 * Pure: the caller passes the issue page's absolute URL.
 */
import { cityName } from '#data/cities.ts';
import type { Issue } from '#schemas/issue.ts';
import { issueLabel } from '#schemas/issue.ts';

type Json = { [key: string]: Json } | Json[] | string | number;

const persons = (names: readonly string[]): Json[] => names.map((name) => ({ '@type': 'Person', name }));

export function issueJsonLd(issue: Issue, issueUrl: string): Json {
  const issueId = `${issueUrl}#issue`;
  const dated = issue.date ? { datePublished: issue.date } : {};
  const pageOf = (articleId: string | undefined) => issue.articles.find((a) => a.id === articleId)?.page;

  const articles: Json[] = issue.articles.map((a) => ({
    '@type': 'NewsArticle',
    '@id': `${issueUrl}#${a.id}`,
    url: `${issueUrl}#${a.id}`,
    headline: a.title,
    ...(a.subtitle ? { alternativeHeadline: a.subtitle } : {}),
    ...(a.byline.length > 0 ? { author: persons(a.byline) } : {}),
    printPage: a.page,
    inLanguage: 'zh-CN',
    ...dated,
    isPartOf: a.partOf ? { '@id': `${issueUrl}#${a.partOf}` } : { '@id': issueId },
  }));

  const reports: Json[] = issue.cityReports.map((r) => {
    const anchor = r.id ?? r.city;
    const city = cityName(r.city);
    const page = pageOf(r.article);
    return {
      '@type': 'NewsArticle',
      '@id': `${issueUrl}#${anchor}`,
      url: `${issueUrl}#${anchor}`,
      headline: `${city}：${r.headline.join(' ')}`,
      ...(r.reporter ? { author: persons([r.reporter]) } : {}),
      ...(page ? { printPage: page } : {}),
      contentLocation: { '@type': 'Place', name: city },
      inLanguage: 'zh-CN',
      ...dated,
      isPartOf: { '@id': r.article ? `${issueUrl}#${r.article}` : issueId },
    };
  });

  const publicationIssue: Json = {
    '@type': 'PublicationIssue',
    '@id': issueId,
    url: issueUrl,
    name: `《开发区建设》专刊 ${issueLabel(issue)}`,
    issueNumber: String(issue.number),
    inLanguage: 'zh-CN',
    ...dated,
    isPartOf: { '@type': 'Periodical', name: issue.publication },
  };

  return { '@context': 'https://schema.org', '@graph': [publicationIssue, ...articles, ...reports] };
}

/** JSON for inside `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export const serializeJsonLd = (data: Json): string => JSON.stringify(data).replace(/</g, '\\u003c');
