import type { APIRoute } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { toCsv } from '#lib/publish/open-data.ts';
import { FIGURE_COLUMNS, figureRecords } from '#lib/publish/figure-data.ts';

export const GET: APIRoute = async () => {
  const records = figureRecords(
    (await getIssues()).map((e) => e.data),
    import.meta.env.BASE_URL,
  );
  return new Response(toCsv(FIGURE_COLUMNS, records), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
