import type { APIRoute } from 'astro';
import { figuresJsonSchema } from '#lib/publish/figure-data.ts';
import { absoluteUrl, configuredSite } from '#lib/site/url.ts';

export const GET: APIRoute = ({ site }) => {
  const id = absoluteUrl(configuredSite(site), import.meta.env.BASE_URL, '/data/figures.schema.json');
  return new Response(`${JSON.stringify(figuresJsonSchema(id), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
