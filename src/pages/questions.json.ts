/**
 * Static endpoint publishing the generated question index as /questions.json.
 * The data file is written by the emitter; before the first ingest it is absent and the
 * endpoint serves an empty list.
 */
import type { APIRoute } from 'astro';

const files = import.meta.glob<string>('../content/docs/_data/questions.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export const prerender = true;

export const GET: APIRoute = () => {
  const body = Object.values(files)[0] ?? '[]\n';
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
