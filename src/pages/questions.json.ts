/**
 * Static endpoint publishing the generated question index as /questions.json.
 * The data file is written by the emitter; before the first ingest it is absent and the
 * endpoint serves an empty list.
 */
import type { APIRoute } from 'astro';
import { readDataFile } from '../data/handbook.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const body = readDataFile('questions.json') ?? '[]\n';
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
