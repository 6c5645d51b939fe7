import type { APIRoute } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { figureRecords } from '#lib/publish/figure-data.ts';

export const GET: APIRoute = async () => {
  const records = figureRecords(
    (await getIssues()).map((e) => e.data),
    import.meta.env.BASE_URL,
  );
  return new Response(`${JSON.stringify(records, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
