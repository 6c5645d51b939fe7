import type { APIRoute } from 'astro';
import { getIssues } from '#lib/site/issues-collection.ts';
import { issueRecords } from '#lib/publish/open-data.ts';

export const GET: APIRoute = async () => {
  const records = issueRecords(
    (await getIssues()).map((e) => e.data),
    import.meta.env.BASE_URL,
  );
  return new Response(`${JSON.stringify(records, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
