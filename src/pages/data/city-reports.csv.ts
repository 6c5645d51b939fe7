import type { APIRoute } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { CITY_REPORT_COLUMNS, cityReportRecords, toCsv } from '#lib/publish/open-data.ts';

export const GET: APIRoute = async () => {
  const records = cityReportRecords(
    (await getIssues()).map((e) => e.data),
    import.meta.env.BASE_URL,
  );
  return new Response(toCsv(CITY_REPORT_COLUMNS, records), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
