/**
 * `/search/issues/2024.json`: the issue filter's choices for one year, newest first. The search
 * page lists years only and loads a year's issues when a reader picks it, so the page does not
 * grow with the archive.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { searchFilterOptions, type FilterOption } from '#lib/search/facets.ts';

export const getStaticPaths = (async () => {
  const { issuesByYear } = searchFilterOptions((await getIssues()).map((e) => e.data));
  return [...issuesByYear].map(([year, issues]) => ({ params: { year }, props: { issues } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ issues: FilterOption[] }> = ({ props }) =>
  new Response(JSON.stringify(props.issues), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
