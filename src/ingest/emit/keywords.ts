/**
 * Hidden search keywords of each question (`_data/keywords.json`): the glossary terms it
 * mentions, in both languages, so a search in either language finds it. The question block
 * (src/components/Question.astro) writes them into the page as hidden paragraphs that Pagefind
 * indexes; they live in a data file rather than in the MDX because they are as long as the
 * question itself and the MDX compiler need not see them.
 */
import type { Lang, Question } from '../model.ts';
import { keywordTokens, searchKeywords, words as wordsOf } from '../glossary.ts';

/** Keywords of one question in one edition: `title` weighs like the heading, `other` like text. */
export interface QuestionKeywords {
  title?: string;
  other?: string;
}

/** `{ <lang>: { <question id>: keywords } }`; questions without glossary terms are left out. */
export type KeywordsData = Partial<Record<Lang, Record<string, QuestionKeywords>>>;

/**
 * Keywords of a question shown under `title` (its heading in that edition). Words the heading
 * already shows are left out, so a term in the title does not count twice; the terms the title
 * names weigh more.
 */
export function questionKeywords(question: Question, title: string): QuestionKeywords | undefined {
  const terms = question.terms ?? [];
  if (terms.length === 0) return undefined;
  const shown = new Set(keywordTokens(title).flatMap((w) => [w, ...wordsOf(w)]));
  const titleKeywords = searchKeywords(terms.filter((term) => term.inTitle), shown);
  const otherKeywords = searchKeywords(terms.filter((term) => !term.inTitle), new Set([...shown, ...titleKeywords]));
  const out: QuestionKeywords = {};
  if (titleKeywords.length > 0) out.title = titleKeywords.join(' ');
  if (otherKeywords.length > 0) out.other = otherKeywords.join(' ');
  return out.title || out.other ? out : undefined;
}
