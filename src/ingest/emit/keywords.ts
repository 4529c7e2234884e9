/**
 * Hidden search keywords of each question (`_data/keywords.json`): the glossary terms it
 * mentions, in both languages, so a search in either language finds it. The question block
 * (src/components/Question.astro) writes them into the page as hidden paragraphs that Pagefind
 * indexes; they live in a data file rather than in the MDX because they are as long as the
 * question itself and the MDX compiler need not see them.
 */
import type { Lang, Question } from '../model.ts';
import { foldCase, words as wordsOf, type TermRef } from '../glossary.ts';

/** Keywords of one question in one edition: `title` weighs like the heading, `other` like text. */
export interface QuestionKeywords {
  title?: string;
  other?: string;
}

/** `{ <lang>: { <question id>: keywords } }`; questions without glossary terms are left out. */
export type KeywordsData = Partial<Record<Lang, Record<string, QuestionKeywords>>>;

/**
 * Keywords of a question under each of its edition titles (its heading in that edition).
 * Words the heading already shows are left out, so a term in the title does not count twice;
 * the terms the title names weigh more. The term words are collected once for all titles.
 */
export function questionKeywords(question: Question, titles: readonly string[]): (QuestionKeywords | undefined)[] {
  const terms = question.terms ?? [];
  if (terms.length === 0) return titles.map(() => undefined);
  const inTitle = candidates(terms.filter((term) => term.inTitle));
  const elsewhere = candidates(terms.filter((term) => !term.inTitle));
  return titles.map((title) => {
    const shown = new Exclusion();
    for (const token of keywordTokens(title)) {
      shown.add(token);
      for (const word of wordsOf(token)) shown.add(word);
    }
    const titleKeywords = inTitle.filter((word) => !shown.has(word));
    for (const word of titleKeywords) shown.addKeyword(word);
    const otherKeywords = elsewhere.filter((word) => !shown.has(word));
    const out: QuestionKeywords = {};
    if (titleKeywords.length > 0) out.title = titleKeywords.map((word) => word.text).join(' ');
    if (otherKeywords.length > 0) out.other = otherKeywords.map((word) => word.text).join(' ');
    return out.title || out.other ? out : undefined;
  });
}

/**
 * Search keywords of a list of terms: the words of both languages' canonical forms and of every
 * alternative form of each term, each word once (lower-case, in glossary order). A stem of 5+
 * letters is left out when a word that only adds an ending (at most 3 letters) is already there
 * (`нормализац` beside `нормализация`): the stemmed index finds both from the full word, and
 * repeating a word would only make a term count several times in ranking. Words in `exclude`
 * are skipped, and so are words with the same stem as one of them: both differ only in an
 * ending of at most 3 letters after a common prefix of at least 5.
 */
export function searchKeywords(terms: readonly TermRef[], exclude: ReadonlySet<string> = new Set()): string[] {
  const excluded = new Exclusion();
  for (const word of exclude) excluded.add(word);
  return candidates(terms)
    .filter((word) => !excluded.has(word))
    .map((word) => word.text);
}

/**
 * Words of a form as Pagefind indexes them: split at spaces, hyphenated words kept whole
 * (Pagefind indexes `батч-нормализация` as one word and its parts), outer punctuation dropped.
 */
export function keywordTokens(form: string): string[] {
  return foldCase(form)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/**
 * A keyword word, made once per distinct word of the glossary's forms (they recur in every
 * question that names the term): its possible stems and the known words that extend it.
 */
interface KeywordWord {
  text: string;
  /** stemPrefixes(text) */
  prefixes: readonly string[];
  /** Known words that are this word plus 1–3 letters (this word at least 5 letters long). */
  longer: KeywordWord[];
  /** The candidates() call that last collected this word (no set per call). */
  mark: number;
}

const vocabulary = new Map<string, KeywordWord>();
/** Known words by those of their shorter stems that are not (yet) words themselves. */
const longerThanStem = new Map<string, KeywordWord[]>();
/** keywordTokens of each form seen, as keyword words. */
const formWords = new Map<string, readonly KeywordWord[]>();
let calls = 0;

function keywordWord(text: string): KeywordWord {
  let word = vocabulary.get(text);
  if (word) return word;
  word = { text, prefixes: stemPrefixes(text), longer: longerThanStem.get(text) ?? [], mark: 0 };
  longerThanStem.delete(text);
  vocabulary.set(text, word);
  // The stems it extends by 1–3 letters: its stem prefixes but itself.
  for (const stem of word.prefixes) {
    if (stem === text) continue;
    const shorter = vocabulary.get(stem);
    if (shorter) shorter.longer.push(word);
    else {
      const list = longerThanStem.get(stem);
      if (list) list.push(word);
      else longerThanStem.set(stem, [word]);
    }
  }
  return word;
}

/** The words of every form of the terms, each once, in order, without stems of another of them. */
function candidates(terms: readonly TermRef[]): KeywordWord[] {
  const call = ++calls;
  const list: KeywordWord[] = [];
  const take = (form: string) => {
    let words = formWords.get(form);
    if (!words) {
      words = keywordTokens(form).map(keywordWord);
      formWords.set(form, words);
    }
    for (const word of words) {
      if (word.mark !== call) {
        word.mark = call;
        list.push(word);
      }
    }
  };
  for (const ref of terms) {
    take(ref.en);
    take(ref.ru);
    for (const form of ref.alt) take(form);
  }
  return list.filter((word) => !word.longer.some((other) => other.mark === call));
}

/** Words to leave out, and with them every word that shares a stem with one of them. */
class Exclusion {
  private readonly words = new Set<string>();
  private readonly prefixes = new Set<string>();

  add(word: string): void {
    this.words.add(word);
    for (const prefix of stemPrefixes(word)) this.prefixes.add(prefix);
  }

  addKeyword(word: KeywordWord): void {
    this.words.add(word.text);
    for (const prefix of word.prefixes) this.prefixes.add(prefix);
  }

  /** Whether the word is left out: excluded itself, or one of its stems is one of theirs. */
  has(word: KeywordWord): boolean {
    if (this.words.has(word.text)) return true;
    for (const prefix of word.prefixes) if (this.prefixes.has(prefix)) return true;
    return false;
  }
}

/**
 * The prefixes of a word that leave at most 3 of its letters, at least 5 letters long (its
 * possible stems); computed once per word, as title words recur across questions.
 */
function stemPrefixes(word: string): readonly string[] {
  let prefixes = prefixCache.get(word);
  if (prefixes === undefined) {
    prefixes = [];
    for (let length = Math.max(5, word.length - 3); length <= word.length; length++)
      prefixes.push(word.slice(0, length));
    prefixCache.set(word, prefixes);
  }
  return prefixes;
}
const prefixCache = new Map<string, string[]>();
