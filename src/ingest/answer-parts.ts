/**
 * The parts of an answer (short answer, detailed analysis, typical mistakes, how to say it):
 * their keys in display order and the heading names they go by in either language. The site,
 * the decks, the translations, the native format, answer overlays, the native export and the
 * practice-page parser all take the parts from here.
 */
import { Answer, type Lang } from './model.ts';

/** One answer part: a key of the model's Answer. */
export type AnswerPart = keyof Answer;

/** The answer parts in display order: the order of the Answer schema's keys (model.ts). */
export const ANSWER_PARTS: readonly AnswerPart[] = Answer.keyof().options;

/**
 * Heading names of each part, per language. The first name is the one the handbook writes (the
 * native export, the practice pages' section headings); the others are accepted when reading.
 */
export const PART_NAMES: Readonly<Record<AnswerPart, Record<Lang, readonly [string, ...string[]]>>> = {
  short: { ru: ['Короткий ответ'], en: ['Short answer'] },
  detailed: { ru: ['Подробный разбор'], en: ['Detailed analysis', 'Detailed answer'] },
  mistakes: { ru: ['Типичные ошибки'], en: ['Typical mistakes'] },
  howToSay: { ru: ['Как сказать на собеседовании'], en: ['How to say it in the interview', 'How to say it'] },
};

/** Every accepted heading name, lower-case, mapped to its part (parts in display order, ru first). */
export const PART_HEADINGS: ReadonlyMap<string, AnswerPart> = new Map(
  ANSWER_PARTS.flatMap((part) =>
    [...PART_NAMES[part].ru, ...PART_NAMES[part].en].map((name) => [name.toLowerCase(), part] as const),
  ),
);

/** The heading as looked up: trimmed, without a trailing colon, lower-case. */
export function headingKey(heading: string): string {
  return heading.trim().replace(/:$/, '').trim().toLowerCase();
}

/** The part a heading names ("Short answer", "типичные ошибки:"), or undefined. */
export function answerPartOf(heading: string): AnswerPart | undefined {
  return PART_HEADINGS.get(headingKey(heading));
}
