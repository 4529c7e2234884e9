/**
 * The Russian/English ML glossary (content/glossary.yaml) and the matching of its terms in
 * question texts.
 *
 * Each entry names one concept in both languages (`ru`, `en`) plus other spellings,
 * abbreviations and word stems (`ruAlt`, `enAlt`). A question "mentions" a term when any form
 * occurs in its texts (title, prompt, answer, follow-ups; source and translations alike). The
 * emitter adds both languages' forms of every mentioned term to the question as hidden search
 * keywords, so a Russian query finds English text and the other way round.
 *
 * Matching rules (lower-case, `ё` read as `е`):
 * - a form is split into words; it matches a run of consecutive text words, each text word
 *   starting with the form's word (stems: `нормализац` matches `нормализации`);
 * - an alternative form (`ruAlt` / `enAlt`) of at most 4 characters matches whole words only
 *   (`bn`, `gil`, `map`), so abbreviations do not fire inside longer words.
 */
import { z } from 'zod';
import { parseDataFile } from './data-file.ts';
import { plainText } from './mdast.ts';
import { letterRuns, wordBounds } from './words.ts';
import type { Content, Lang, Question } from './model.ts';

const Form = z.string().trim().min(1);

export const GlossaryTerm = z
  .object({
    ru: Form,
    en: Form,
    ruAlt: z.array(Form).default([]),
    enAlt: z.array(Form).default([]),
  })
  .strict();
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const GlossaryFile = z.object({ terms: z.array(GlossaryTerm).min(1) }).strict();

/** A glossary term as matched in a question: its canonical forms in both languages. */
export interface TermRef {
  ru: string;
  en: string;
  /** Alternative forms of both languages (abbreviations, spellings, stems). */
  alt: string[];
  /** Whether the question's title (in either language) names the term: what the question is about. */
  inTitle?: boolean;
}

export interface Glossary {
  terms: GlossaryTerm[];
  /** 1-based line of term `index` in its file. */
  lineOf(index: number): number;
  file: string;
}

/** Parses content/glossary.yaml; errors name the file and line (DataFileError). */
export function loadGlossary(text: string, file: string): Glossary {
  const { value, lineOf } = parseDataFile(text, file, GlossaryFile);
  return { terms: value.terms, lineOf: (index) => lineOf(['terms', index]), file };
}

/** A text as terms are matched in it: lower-case, `ё` as `е`. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ё') ? lower.replaceAll('ё', 'е') : lower;
}

/** Lower-case words of a text (letters and digits), `ё` as `е`. */
export function words(text: string): string[] {
  return letterRuns(foldCase(text));
}

interface Pattern {
  words: string[];
  whole: boolean;
}

function patterns(term: GlossaryTerm): Pattern[] {
  const out: Pattern[] = [];
  const add = (form: string, alt: boolean) => {
    const w = words(form);
    if (w.length > 0) out.push({ words: w, whole: alt && form.trim().length <= 4 });
  };
  add(term.ru, false);
  add(term.en, false);
  for (const form of term.ruAlt) add(form, true);
  for (const form of term.enAlt) add(form, true);
  return out;
}

/** Index key of a pattern: the first two characters of its first word (one if that is all). */
const patternKey = (pattern: Pattern) => pattern.words[0].slice(0, 2);

/** A pattern of one term, as indexed by the matcher. */
interface Entry {
  term: number;
  pattern: Pattern;
  /** Number of words in the pattern. */
  size: number;
  /** First code unit of the pattern's second word (-1 for a single word): a quick reject. */
  second: number;
}

const entry = (term: number, pattern: Pattern): Entry => ({
  term,
  pattern,
  size: pattern.words.length,
  second: pattern.words.length > 1 ? pattern.words[1].charCodeAt(0) : -1,
});

/**
 * A text matched on its own: the terms whose forms occur inside it, and the forms of several
 * words that start near its end and may run on into a following text.
 */
export interface TermText {
  /** The text as matched: lower-case, `ё` as `е`. */
  text: string;
  /** Indexes of the terms found inside the text, each once. */
  terms: readonly number[];
  /** Forms whose first `matched` words are the last words of the text. */
  open: readonly { matched: number; entry: Entry }[];
}

/**
 * Term matching over texts that are split once and then matched in several combinations (a
 * question's title, question, answer and all texts): `split` matches a text on its own, once;
 * `match` takes a list of split texts read as if joined by newlines (a form of several words
 * may run on from one text into the next, as in the joined text) and returns the indexes of the
 * terms they mention, ascending.
 */
export interface TermIndex {
  split(text: string): TermText;
  match(texts: readonly TermText[]): number[];
}

/** Whether the text word at `start`..`end` is `form` (`whole`) or starts with it. */
function wordMatches(text: string, start: number, end: number, form: string, whole: boolean): boolean {
  if (whole ? end - start !== form.length : end - start < form.length) return false;
  return sameUnits(text, start, form);
}

/** Whether `text` holds `word` at `start` (a plain loop: startsWith with a position is not inlined). */
function sameUnits(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Builds the term index of a glossary. Patterns are indexed by the start of their first word,
 * so each text word is only checked against the few patterns that can start there (trying
 * every pattern of every term on every text made matching the slowest ingestion step; see
 * BENCHMARKS.md). A text is scanned for word boundaries without cutting it into a word list;
 * the patterns a word can start are worked out once per distinct word.
 */
export function createTermIndex(glossary: Pick<Glossary, 'terms'>): TermIndex {
  const byKey = new Map<string, Entry[]>();
  glossary.terms.forEach((term, index) => {
    for (const pattern of patterns(term)) {
      const key = patternKey(pattern);
      const list = byKey.get(key);
      if (list) list.push(entry(index, pattern));
      else byKey.set(key, [entry(index, pattern)]);
    }
  });
  // The patterns whose first word a text word matches, worked out once per distinct word.
  const NONE: Entry[] = [];
  const starting = (word: string) => {
    const list: Entry[] = [];
    const keys = word.length >= 2 ? [word.slice(0, 1), word.slice(0, 2)] : [word];
    for (const key of keys) {
      for (const entry of byKey.get(key) ?? []) {
        const form = entry.pattern.words[0];
        if (entry.pattern.whole ? word === form : word.startsWith(form)) list.push(entry);
      }
    }
    return list.length === 0 ? NONE : list;
  };
  const entriesOf = new WordTable(starting);
  // Terms already found by the current split or match call carry its number (no set per call).
  const stamp = new Int32Array(glossary.terms.length);
  let calls = 0;
  const bounds = { array: new Int32Array(1024) };
  return {
    split(raw) {
      const call = ++calls;
      const text = foldCase(raw);
      const count = wordBounds(text, bounds);
      const at = bounds.array;
      const terms: number[] = [];
      const open: { matched: number; entry: Entry }[] = [];
      for (let i = 0; i < count; i++) {
        const entries = entriesOf.get(text, at[2 * i], at[2 * i + 1]);
        for (let e = 0; e < entries.length; e++) {
          const entry = entries[e];
          const { term, size } = entry;
          // Most forms of several words fail on the next word's first character.
          if (size > 1 && i + 1 < count && text.charCodeAt(at[2 * i + 2]) !== entry.second) continue;
          if (stamp[term] === call) continue;
          if (size === 1) {
            stamp[term] = call;
            terms.push(term);
            continue;
          }
          const { pattern } = entry;
          // The following words of the form, as far as the text goes.
          let k = 1;
          while (
            k < size &&
            i + k < count &&
            wordMatches(text, at[2 * (i + k)], at[2 * (i + k) + 1], pattern.words[k], pattern.whole)
          )
            k++;
          if (k === size) {
            stamp[term] = call;
            terms.push(term);
          } else if (i + k === count) open.push({ matched: k, entry });
        }
      }
      return { text, terms, open };
    },
    match(texts) {
      const call = ++calls;
      const found: number[] = [];
      texts.forEach((text, t) => {
        for (const term of text.terms) {
          if (stamp[term] !== call) {
            stamp[term] = call;
            found.push(term);
          }
        }
        for (const { matched, entry } of text.open) {
          if (stamp[entry.term] !== call && continuesAcross(entry.pattern, matched, texts, t + 1)) {
            stamp[entry.term] = call;
            found.push(entry.term);
          }
        }
      });
      return sortSmall(found);
    },
  };
}

/**
 * A cache of a value per distinct word, looked up by a word's position in a text: the word is
 * hashed from the text's code units and compared in place, so no string is cut for a word
 * seen before (cutting and hashing every word of every question was most of matching's time).
 */
class WordTable<T> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private words: string[] = [];
  private values: T[] = [];
  private hashes: number[] = [];

  constructor(private readonly compute: (word: string) => T) {}

  get(text: string, start: number, end: number): T {
    let hash = 0x811c9dc5;
    for (let p = start; p < end; p++) hash = Math.imul(hash ^ text.charCodeAt(p), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = this.slots[slot];
      if (index < 0) return this.add(text.slice(start, end), hash, slot);
      const word = this.words[index];
      if (this.hashes[index] === hash && word.length === end - start && sameUnits(text, start, word))
        return this.values[index];
    }
  }

  private add(word: string, hash: number, slot: number): T {
    const index = this.words.length;
    const value = this.compute(word);
    this.words.push(word);
    this.values.push(value);
    this.hashes.push(hash);
    this.slots[slot] = index;
    if (2 * this.words.length > this.slots.length) this.grow();
    return value;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, index) => {
      let slot = hash & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = index;
    });
    this.slots = slots;
  }
}

/** Sorts a short list of distinct numbers ascending, in place (insertion sort: no comparator calls). */
function sortSmall(list: number[]): number[] {
  for (let i = 1; i < list.length; i++) {
    const value = list[i];
    let j = i - 1;
    for (; j >= 0 && list[j] > value; j--) list[j + 1] = list[j];
    list[j + 1] = value;
  }
  return list;
}

/** Word boundaries of the texts a form runs on into (see continuesAcross). */
const following = { array: new Int32Array(16) };

/**
 * Whether the words of `pattern` from word `k` on are the first words of `texts[t]` and the
 * texts after it (read as one word list: a text without words is passed over).
 */
function continuesAcross(pattern: Pattern, k: number, texts: readonly TermText[], t: number): boolean {
  for (; t < texts.length && k < pattern.words.length; t++) {
    const { text } = texts[t];
    const count = wordBounds(text, following, pattern.words.length - k);
    const at = following.array;
    for (let i = 0; i < count; i++, k++) {
      if (!wordMatches(text, at[2 * i], at[2 * i + 1], pattern.words[k], pattern.whole)) return false;
    }
  }
  return k === pattern.words.length;
}

/** Where a question mentions glossary terms (term indexes into the glossary, ascending). */
export interface QuestionTerms {
  /** Terms of any text: title, prompt, answer parts, follow-ups, in every language. */
  all: number[];
  /** Terms of the titles (source and translations): what the question is about. */
  titles: number[];
  /** Terms of what the question asks: title, prompt and follow-ups in every language. */
  asked: number[];
  /** Terms of the answers in every language. */
  answered: number[];
}

const contentText = (c: Content | undefined) => (c ? plainText(c.children as never) : '');

/**
 * Matches the glossary in every question once: each text is split into words once, then
 * matched as the title, question, answer and whole-question combinations that the search
 * keywords (matchTerms) and related questions (related.ts questionConcepts) use. Each
 * combination gives exactly the terms of its texts joined by newlines.
 */
export function findQuestionTerms(
  questions: readonly Question[],
  glossary: Pick<Glossary, 'terms'>,
): Map<string, QuestionTerms> {
  const index = createTermIndex(glossary);
  const split = (text: string) => index.split(text);
  return new Map(
    questions.map((q) => {
      const title = split(q.title);
      const prompt = split(contentText(q.prompt));
      const answers = Object.values(q.answer ?? {}).map((c) => split(contentText(c)));
      const followUps = q.followUps.map(split);
      // Translations in object order (titles, asked, answered) and in ru, en order (all).
      const translated = new Map<
        unknown,
        { title: TermText; prompt: TermText; answers: TermText[]; followUps: TermText[] }
      >();
      const translation = (tr: NonNullable<NonNullable<Question['translations']>[Lang]>) => {
        let texts = translated.get(tr);
        if (!texts) {
          texts = {
            title: split(tr.title ?? ''),
            prompt: split(contentText(tr.prompt)),
            answers: Object.values(tr.answer ?? {}).map((c) => split(contentText(c))),
            followUps: (tr.followUps ?? []).map(split),
          };
          translated.set(tr, texts);
        }
        return texts;
      };
      const inOrder = Object.values(q.translations ?? {}).flatMap((tr) => (tr ? [translation(tr)] : []));
      const titleTexts = [
        title,
        ...Object.values(q.translations ?? {}).map((tr) => (tr ? translation(tr).title : split(''))),
      ];
      const allTexts = [title, prompt, ...answers, ...followUps];
      for (const lang of ['ru', 'en'] as Lang[]) {
        const tr = q.translations?.[lang];
        if (!tr) continue;
        const texts = translation(tr);
        allTexts.push(texts.title, texts.prompt, ...texts.answers, ...texts.followUps);
      }
      return [
        q.id,
        {
          all: index.match(allTexts),
          titles: index.match(titleTexts),
          asked: index.match([
            title,
            prompt,
            ...followUps,
            ...inOrder.flatMap((t) => [t.title, t.prompt, ...t.followUps]),
          ]),
          answered: index.match([...answers, ...inOrder.flatMap((t) => t.answers)]),
        },
      ];
    }),
  );
}

/** A matched term as the question model stores it. */
function termRef(term: GlossaryTerm, inTitle: boolean): TermRef {
  const ref: TermRef = { ru: term.ru, en: term.en, alt: [...term.enAlt, ...term.ruAlt] };
  if (inTitle) ref.inTitle = true;
  return ref;
}

/**
 * The glossary terms each question mentions, in glossary order. Questions share the ref
 * objects of a term (treat them as read-only).
 * @param found The questions' terms when already matched (findQuestionTerms).
 * @returns question id -> matched terms (canonical ru/en forms).
 */
export function matchTerms(
  questions: readonly Question[],
  glossary: Pick<Glossary, 'terms'>,
  found: ReadonlyMap<string, QuestionTerms> = findQuestionTerms(questions, glossary),
): Map<string, TermRef[]> {
  // One ref per term (and title flag), shared by the questions that mention it.
  const refs = new Map<number, TermRef>();
  const ref = (i: number, inTitle: boolean) => {
    const key = inTitle ? -1 - i : i;
    let made = refs.get(key);
    if (!made) {
      made = termRef(glossary.terms[i], inTitle);
      refs.set(key, made);
    }
    return made;
  };
  return new Map(
    questions.map((q) => {
      const { all, titles } = found.get(q.id)!;
      return [q.id, all.map((i) => ref(i, titles.includes(i)))];
    }),
  );
}
