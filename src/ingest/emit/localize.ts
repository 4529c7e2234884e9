/**
 * The texts one edition shows for a question: `localize(question, lang, labels)` picks, per
 * field, the source text when it is already written in the edition's language, the curated
 * translation when there is one (keeping the source text as the "original"), or the source text
 * marked as not yet translated. Pure: the emitter turns the result into MDX.
 */
import type { Answer, Content, Handbook, Lang, Question } from '../model.ts';
import { ANSWER_PARTS } from '../answer-parts.ts';
import { isWrittenIn } from '../translations.ts';
import { groupName } from './group.ts';

/** How a field reached the edition. */
export type TextState =
  /** The source text, already in the edition's language. */
  | 'source'
  /** A curated translation; `original` holds the source text. */
  | 'translated'
  /** The edition needs a translation nobody has written yet: the source text, marked. */
  | 'untranslated';

export interface Localized<T> {
  value: T;
  state: TextState;
  /** Source text (when translated). */
  original?: T;
  /** Language of the shown value when it is not the edition's (untranslated) or of `original`. */
  lang?: Lang;
}

export type AnswerPartName = keyof Answer;
export type FieldName = 'title' | 'prompt' | AnswerPartName | 'followUps' | 'group' | 'kind' | 'sourceTitle';

export interface LocalizedQuestion {
  lang: Lang;
  title: Localized<string>;
  prompt?: Localized<Content>;
  answer: Partial<Record<AnswerPartName, Localized<Content>>>;
  followUps?: Localized<string[]>;
  /** Name of the `##` section the question sits under (subtopic, else source title, else file). */
  group: Localized<string>;
  kind?: Localized<string>;
  sourceTitle?: Localized<string>;
  /** Fields shown from a translation. */
  translated: FieldName[];
  /** Fields shown in the original although the edition needs a translation. */
  untranslated: FieldName[];
}

export type Labels = NonNullable<Handbook['labels']>;

const other = (lang: Lang): Lang => (lang === 'ru' ? 'en' : 'ru');

/** Language a text is written in (Cyrillic prose: Russian; otherwise English). */
export function textLang(text: string): Lang {
  return isWrittenIn(text, 'en') ? 'en' : 'ru';
}

/**
 * A rich or list field: the translation if given, else the source (marked untranslated when
 * ingestion listed the field as needing a translation).
 */
function pick<T>(source: T, translation: T | undefined, needs: boolean, lang: Lang, sourceLang: Lang): Localized<T> {
  if (translation !== undefined)
    return {
      value: translation,
      state: 'translated',
      original: source,
      lang: sourceLang === lang ? other(lang) : sourceLang,
    };
  if (needs) return { value: source, state: 'untranslated', lang: sourceLang === lang ? other(lang) : sourceLang };
  return { value: source, state: 'source' };
}

/** A short shared string (section name, kind, source title) through `labels`. */
export function localizeLabel(text: string, lang: Lang, labels: Labels, translation?: string): Localized<string> {
  if (isWrittenIn(text, lang)) return { value: text, state: 'source' };
  const label = translation ?? labels[text]?.[lang];
  if (label) return { value: label, state: 'translated', original: text, lang: textLang(text) };
  return { value: text, state: 'untranslated', lang: textLang(text) };
}

/** The section name: subtopic or source title through `labels`; a file name is shown as is. */
function groupLabel(question: Question, lang: Lang, labels: Labels): Localized<string> {
  const name = groupName(question);
  if (!question.subtopic?.trim() && !question.source.title?.trim()) return { value: name, state: 'source' };
  return localizeLabel(
    name,
    lang,
    labels,
    question.subtopic?.trim() ? question.translations?.[lang]?.subtopic : undefined,
  );
}

/**
 * The texts the `lang` edition shows for `question`.
 * @param labels Translations of shared short strings (`handbook.labels`).
 */
export function localize(question: Question, lang: Lang, labels: Labels = {}): LocalizedQuestion {
  const tr = question.translations?.[lang] ?? {};
  const needs = new Set<string>(tr.untranslated ?? []);
  const srcLang = question.lang;
  const out: LocalizedQuestion = {
    lang,
    title: pick(question.title, tr.title, needs.has('title'), lang, srcLang),
    answer: {},
    group: groupLabel(question, lang, labels),
    translated: [],
    untranslated: [],
  };
  if (question.prompt && question.prompt.children.length > 0) {
    out.prompt = pick(question.prompt, tr.prompt, needs.has('prompt'), lang, srcLang);
  }
  for (const part of ANSWER_PARTS) {
    const content = question.answer?.[part];
    if (!content || content.children.length === 0) continue;
    out.answer[part] = pick(content, tr.answer?.[part], needs.has(part), lang, srcLang);
  }
  if (question.followUps.length > 0) {
    out.followUps = pick(question.followUps, tr.followUps, needs.has('followUps'), lang, srcLang);
  }
  if (question.kind) out.kind = localizeLabel(question.kind, lang, labels, tr.kind);
  if (question.source.title) out.sourceTitle = localizeLabel(question.source.title, lang, labels);

  const fields: [FieldName, Localized<unknown> | undefined][] = [
    ['title', out.title],
    ['prompt', out.prompt],
    ...Object.entries(out.answer).map(([k, v]) => [k as FieldName, v] as [FieldName, Localized<unknown>]),
    ['followUps', out.followUps],
    ['group', out.group],
    ['kind', out.kind],
    ['sourceTitle', out.sourceTitle],
  ];
  for (const [name, field] of fields) {
    if (field?.state === 'translated') out.translated.push(name);
    if (field?.state === 'untranslated') out.untranslated.push(name);
  }
  return out;
}
