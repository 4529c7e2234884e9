/**
 * A question's concept profile: which vocabulary concepts it names, where, and how strongly.
 *
 * Where a concept appears decides its strength: the title weighs 3, the prompt 2, follow-ups 1,
 * and the answer half a point per mention up to 1.5 (an answer that keeps naming a concept is about
 * it; one mention in passing is not). Generic concepts (model, training) count a quarter.
 * The core concepts are what the question asks about: the concepts of its title, else of its
 * prompt, else of its follow-ups (specific concepts only, where the field names any).
 */
import { matchConcepts, matchSpans } from './match.ts';
import type { Vocabulary } from './vocabulary.ts';
import { words } from './words.ts';

export const FIELD_WEIGHTS = { title: 3, prompt: 2, followUps: 1 } as const;
/** Strength of one answer mention, and the most the answer can give. */
export const ANSWER_MENTION = 0.5;
export const ANSWER_MAX = 1.5;
export const GENERIC_WEIGHT = 0.25;

/** A question's texts by field; each field may hold texts of both languages. */
export interface QuestionTexts {
  title: string[];
  prompt: string[];
  followUps: string[];
  answer: string[];
}

export interface ConceptHit {
  concept: number;
  strength: number;
  /** Named in the title, prompt or follow-ups (not only in the answer). */
  asked: boolean;
  inTitle: boolean;
}

export interface Profile {
  /** Hits by concept index, in order of first appearance. */
  hits: Map<number, ConceptHit>;
  /** Concept indexes the question is about (see above), sorted. */
  core: number[];
  /** Concept indexes its title names, generic ones too, sorted. */
  titled: number[];
  /**
   * Per title (one per language): stems of the words that carry meaning but name no concept
   * ("домножить" in "что будет с ROC-AUC, если домножить предсказания на число?"), the part of
   * the question the vocabulary cannot see.
   */
  unnamed: string[][];
  /** The title asks for a reason ("Почему …?", "Why …?"). */
  asksReason: boolean;
  /** Stems of every word of every field, the answer included. */
  stems: Set<string>;
}

/** The profile of a question with no text the vocabulary knows. */
export const EMPTY_PROFILE: Profile = {
  hits: new Map(),
  core: [],
  titled: [],
  unnamed: [],
  asksReason: false,
  stems: new Set(),
};

/** Shortest word that counts as carrying meaning when no concept names it. */
const MEANINGFUL_LENGTH = 3;

/**
 * A title's first sentence stays the title; the rest of a long title is prompt text.
 * @example splitTitle('Что такое IoU? Как её считают для масок?') // ['Что такое IoU?', 'Как её считают для масок?']
 */
export function splitTitle(title: string): [string, string] {
  const cut = /[.?!](?=\s+\S)/u.exec(title);
  return cut ? [title.slice(0, cut.index + 1), title.slice(cut.index + 1).trim()] : [title, ''];
}

/** The concept profile of a question's texts. */
export function profileQuestion(vocabulary: Vocabulary, texts: QuestionTexts): Profile {
  const titles = texts.title.map(splitTitle);
  const fields: [keyof typeof FIELD_WEIGHTS, string[]][] = [
    ['title', titles.map(([t]) => t)],
    ['prompt', [...titles.map(([, rest]) => rest), ...texts.prompt]],
    ['followUps', texts.followUps],
  ];
  const seen = new Map<number, { fields: Set<string>; mentions: number }>();
  const entry = (c: number) => {
    let e = seen.get(c);
    if (!e) seen.set(c, (e = { fields: new Set(), mentions: 0 }));
    return e;
  };
  for (const [field, list] of fields) {
    for (const text of list) for (const c of matchConcepts(vocabulary, text)) entry(c).fields.add(field);
  }
  for (const text of texts.answer) for (const c of matchConcepts(vocabulary, text)) entry(c).mentions++;

  const hits = new Map<number, ConceptHit>();
  for (const [c, e] of seen) {
    let strength = Math.min(e.mentions * ANSWER_MENTION, ANSWER_MAX);
    for (const field of e.fields) strength += FIELD_WEIGHTS[field as keyof typeof FIELD_WEIGHTS];
    if (vocabulary.concepts[c].generic) strength *= GENERIC_WEIGHT;
    hits.set(c, { concept: c, strength, asked: e.fields.size > 0, inTitle: e.fields.has('title') });
  }
  // The first field that names a concept gives the core: its specific concepts, or its generic
  // ones when it names only those ("Что такое нейрон?" is about the neuron).
  let core: number[] = [];
  for (const field of ['title', 'prompt', 'followUps']) {
    const named = [...seen].filter(([, e]) => e.fields.has(field)).map(([c]) => c);
    const specific = named.filter((c) => !vocabulary.concepts[c].generic);
    core = specific.length > 0 ? specific : named;
    if (core.length > 0) break;
  }
  const titled = [...seen].filter(([, e]) => e.fields.has('title')).map(([c]) => c);
  const unnamed: string[][] = [];
  let asksReason = false;
  for (const [title] of titles) {
    const ws = words(title);
    const covered = new Set(matchSpans(vocabulary, ws).flatMap((s) => range(s.start, s.end)));
    if (ws.some((w) => vocabulary.reasons.has(w.stem))) asksReason = true;
    unnamed.push(
      ws
        .filter((w, i) => !covered.has(i) && !vocabulary.phrasing.has(w.stem))
        .filter((w) => w.folded.length >= MEANINGFUL_LENGTH && !/^\d+$/.test(w.folded))
        .map((w) => w.stem),
    );
  }
  const stems = new Set<string>();
  for (const text of [...texts.title, ...texts.prompt, ...texts.followUps, ...texts.answer]) {
    for (const w of words(text)) stems.add(w.stem);
  }
  return { hits, core: core.sort((a, b) => a - b), titled: titled.sort((a, b) => a - b), unnamed, asksReason, stems };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}
