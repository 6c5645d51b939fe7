import type { APIRoute } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { PROJECT_COLUMNS, projectRecords, toCsv } from '#lib/publish/open-data.ts';

export const GET: APIRoute = async () => {
  const records = projectRecords(
    (await getIssues()).map((e) => e.data),
    import.meta.env.BASE_URL,
  );
  return new Response(toCsv(PROJECT_COLUMNS, records), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
