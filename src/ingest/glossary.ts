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
import { letterRuns } from './words.ts';
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
  /** 1-based line of each term in its file (same order as `terms`). */
  lines: number[];
  file: string;
}

/** Parses content/glossary.yaml; errors name the file and line (DataFileError). */
export function loadGlossary(text: string, file: string): Glossary {
  const { value, lineOf } = parseDataFile(text, file, GlossaryFile);
  return { terms: value.terms, lines: value.terms.map((_, i) => lineOf(['terms', i])), file };
}

/** Lower-case words of a text (letters and digits), `ё` as `е`. */
export function words(text: string): string[] {
  return letterRuns(text.toLowerCase().replaceAll('ё', 'е'));
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

/** Whether `pattern` occurs in `text` (a word list) at position `i`. */
function occursAt(pattern: Pattern, text: readonly string[], i: number): boolean {
  if (i + pattern.words.length > text.length) return false;
  for (let k = 0; k < pattern.words.length; k++) {
    const word = text[i + k];
    const form = pattern.words[k];
    if (pattern.whole ? word !== form : !word.startsWith(form)) return false;
  }
  return true;
}

/** Index key of a pattern: the first two characters of its first word (one if that is all). */
const patternKey = (pattern: Pattern) => pattern.words[0].slice(0, 2);

/**
 * A matcher over the whole glossary: text -> the terms it mentions, in glossary order.
 * Patterns are indexed by the start of their first word, so each text word is only checked
 * against the few patterns that can start there (trying every pattern of every term on every
 * text made matching the slowest ingestion step; see BENCHMARKS.md).
 */
export function createTermMatcher(glossary: Pick<Glossary, 'terms'>): (text: string) => GlossaryTerm[] {
  const byKey = new Map<string, { term: number; pattern: Pattern }[]>();
  glossary.terms.forEach((term, index) => {
    for (const pattern of patterns(term)) {
      const key = patternKey(pattern);
      const list = byKey.get(key);
      if (list) list.push({ term: index, pattern });
      else byKey.set(key, [{ term: index, pattern }]);
    }
  });
  // The patterns whose first word a text word matches, worked out once per distinct word.
  const startingWith = new Map<string, { term: number; pattern: Pattern }[]>();
  const starting = (word: string) => {
    let list = startingWith.get(word);
    if (list === undefined) {
      list = [];
      const keys = word.length >= 2 ? [word.slice(0, 1), word.slice(0, 2)] : [word];
      for (const key of keys) {
        for (const entry of byKey.get(key) ?? []) {
          const form = entry.pattern.words[0];
          if (entry.pattern.whole ? word === form : word.startsWith(form)) list.push(entry);
        }
      }
      startingWith.set(word, list);
    }
    return list;
  };
  return (text: string) => {
    const list = words(text);
    const found = new Set<number>();
    for (let i = 0; i < list.length; i++) {
      for (const { term, pattern } of starting(list[i])) {
        if (!found.has(term) && (pattern.words.length === 1 || occursAt(pattern, list, i))) found.add(term);
      }
    }
    return [...found].sort((a, b) => a - b).map((index) => glossary.terms[index]);
  };
}

/** Every text of a question in both languages: title, prompt, answer parts, follow-ups. */
export function questionTexts(q: Question): string[] {
  const content = (c: Content | undefined) => (c ? plainText(c.children as never) : '');
  const texts = [q.title, content(q.prompt), ...Object.values(q.answer ?? {}).map(content), ...q.followUps];
  for (const lang of ['ru', 'en'] as Lang[]) {
    const tr = q.translations?.[lang];
    if (!tr) continue;
    texts.push(tr.title ?? '', content(tr.prompt), ...Object.values(tr.answer ?? {}).map(content), ...(tr.followUps ?? []));
  }
  return texts.filter(Boolean);
}

/**
 * The glossary terms each question mentions, in glossary order.
 * @returns question id -> matched terms (canonical ru/en forms).
 */
export function matchTerms(questions: readonly Question[], glossary: Pick<Glossary, 'terms'>): Map<string, TermRef[]> {
  const match = createTermMatcher(glossary);
  return new Map(
    questions.map((q) => {
      const titles = new Set(match([q.title, ...Object.values(q.translations ?? {}).map((tr) => tr?.title ?? '')].join('\n')));
      const refs = match(questionTexts(q).join('\n')).map((t): TermRef => {
        const ref: TermRef = { ru: t.ru, en: t.en, alt: [...t.enAlt, ...t.ruAlt] };
        if (titles.has(t)) ref.inTitle = true;
        return ref;
      });
      return [q.id, refs];
    }),
  );
}

/**
 * Search keywords of a question: the words of both languages' canonical forms and of every
 * alternative form of each mentioned term, each word once (lower-case, in glossary order).
 * A stem of 5+ letters is left out when a word that only adds an ending (at most 3 letters) is
 * already there (`нормализац` beside `нормализация`): the stemmed index finds both from the full word, and repeating a word
 * would only make a term count several times in ranking. Words in `exclude` are skipped.
 */
export function searchKeywords(terms: readonly TermRef[], exclude: ReadonlySet<string> = new Set()): string[] {
  const all = new Set<string>();
  for (const ref of terms) for (const form of [ref.en, ref.ru, ...ref.alt]) for (const w of keywordTokens(form)) all.add(w);
  const list = [...all];
  const stemOfAnother = (w: string) => w.length >= 5 && list.some((o) => o !== w && o.startsWith(w) && o.length - w.length <= 3);
  const excluded = (w: string) => exclude.has(w) || [...exclude].some((e) => sameStem(w, e));
  return list.filter((w) => !excluded(w) && !stemOfAnother(w));
}

/** Whether two words differ only in an ending of at most 3 letters (after a 5+ letter stem). */
export function sameStem(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 5 && a.length - common <= 3 && b.length - common <= 3;
}

/**
 * Words of a form as Pagefind indexes them: split at spaces, hyphenated words kept whole
 * (Pagefind indexes `батч-нормализация` as one word and its parts), outer punctuation dropped.
 */
export function keywordTokens(form: string): string[] {
  return form
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}
