/**
 * Static endpoint /plans/pool.json: every question as the mock-interview and custom plan pages
 * draw from it (both editions): id, aliases, title, permalink, levels, minutes (and whether
 * they are an estimate), follow-ups, the expected answer in short, answered. Loaded by the page script, not embedded, so the
 * pages stay small at any number of questions.
 */
import type { APIRoute } from 'astro';
import type { PoolEntry } from '../../data/contract.ts';
import { links } from '../../data/handbook.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const pool: PoolEntry[] = links.questions.map((q) => ({
    id: q.id,
    ...(q.aliases?.length ? { aliases: q.aliases } : {}),
    title: q.title,
    permalink: q.permalink,
    topic: q.topic,
    levels: q.levels,
    minutes: q.minutes ?? 1,
    ...(q.minutesEstimated ? { estimated: true as const } : {}),
    ...(q.followUps ? { followUps: q.followUps } : {}),
    ...(q.expected ? { expected: q.expected } : {}),
    answered: q.answered,
  }));
  return new Response(`${JSON.stringify(pool)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
