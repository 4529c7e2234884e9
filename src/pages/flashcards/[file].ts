/**
 * Static endpoints publishing the flashcard decks of every edition:
 * /flashcards/ml-interview-<lang>.tsv (Anki text import) and /flashcards/ml-interview-<lang>.csv.
 * The cards are written by the emitter to _data/flashcards.json; permalinks are made absolute
 * with the `site` of astro.config.mjs. Before the first ingest there are no decks.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ankiTsv, deckName, plainCsv } from '../../ingest/emit/flashcards.ts';
import type { Flashcard, FlashcardsData } from '../../data/contract.ts';
import { t } from '../../ingest/emit/strings.ts';
import type { Lang } from '../../ingest/model.ts';
import { readData } from '../../data/handbook.ts';

/** The decks, read when an endpoint renders (tens of megabytes at 10,000 questions: not kept for the whole build). */
const readDecks = (): FlashcardsData => readData('flashcards.json') ?? {};

export const prerender = true;

export const getStaticPaths = (() =>
  (Object.keys(readDecks()) as Lang[]).flatMap((lang) =>
    (['tsv', 'csv'] as const).map((format) => ({
      params: { file: `${deckName(lang)}.${format}` },
      props: { lang, format },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { lang, format } = props as { lang: Lang; format: 'tsv' | 'csv' };
  if (!site) throw new Error('flashcards: `site` must be set in astro.config.mjs (permalinks are absolute)');
  const cards: Flashcard[] = readDecks()[lang] ?? [];
  const body =
    format === 'tsv' ? ankiTsv(cards, site, `${t(lang, 'handbook.home.title')} (${lang})`) : plainCsv(cards, site);
  const type = format === 'tsv' ? 'text/tab-separated-values' : 'text/csv';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
