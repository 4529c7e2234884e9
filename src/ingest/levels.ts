/**
 * The interviewer's view of an interview outline: per level its experience, question count and
 * time range (the header's schedule), expectations, criteria, red flags and recommendations
 * (the level table and the guidance at the end), as typed data the plan pages show.
 *
 * Also every question's minutes (`estimateMinutes`): from the source where it gives them, else
 * an estimate derived from the data, marked `minutesEstimated`:
 * - an outline question: its level's time range spread over the level's questions. Levels are
 *   taken from the smallest to the largest; the middle of a level's time range, less the minutes
 *   of its questions a smaller level has timed already, is spread evenly over its other questions
 *   (whole minutes, the remainder one minute each to the first ones, at least 1 minute each).
 *   So a level's questions add up to the middle of its range (as far as the 1-minute floor allows).
 *   An outline question no timed level lists gets the largest timed level's minutes per question.
 * - any other question: the median of the minutes of every question timed so far (by its source
 *   or by an outline), the handbook's typical question; 1 minute when nothing is timed.
 */
import { toString } from 'mdast-util-to-string';
import type { DocumentMeta } from './formats/types.ts';
import { LANGS, type FormatId, type Lang, type Level, type Question } from './model.ts';
import { isWrittenIn, type TranslationProblem } from './translations.ts';

/** One level of an outline with everything the outline says about it. */
export interface LevelGuide {
  level: Level;
  /** The level table heading ("Junior Backend Developer (1-2 года)"). */
  heading?: string;
  /** "1-2 года", from the schedule or the heading. */
  experience?: string;
  /** Question count range ("15-20 вопросов"). */
  questionCount?: [number, number];
  /** Time range in minutes ("30-45 минут"). */
  minutes?: [number, number];
  /** Question numbers of the level table. */
  numbers: number[];
  expectations: string[];
  criteria: string[];
  /** The level's own red flags, then the outline's general ones. */
  redFlags: string[];
  recommendations: string[];
}

/** What an outline says besides its questions. */
export interface OutlineGuide {
  /** Source file name. */
  file: string;
  title?: string;
  /** Header notes the guide has no field for ("Структура"): heading and text lines. */
  notes: { heading: string; lines: string[] }[];
  levels: LevelGuide[];
}

/** A parsed source as the guides need it. */
export interface GuideSource {
  file: string;
  format: FormatId;
  meta: DocumentMeta;
}

/** The guides of every outline source that has a level table or a schedule. */
export function outlineGuides(sources: readonly GuideSource[]): OutlineGuide[] {
  return sources
    .filter((s) => s.format === 'interview-outline' && (s.meta.levels || s.meta.schedule))
    .map(({ file, meta }) => {
      const general = meta.guidance ?? {};
      const texts = (kind: keyof typeof general) => (general[kind] ?? []).map((e) => e.text);
      const names = [...new Set([...(meta.levels ?? []), ...(meta.schedule ?? [])].map((l) => l.level))];
      const levels = names.map((level): LevelGuide => {
        const row = meta.levels?.find((l) => l.level === level);
        const plan = meta.schedule?.find((l) => l.level === level);
        const guide: LevelGuide = {
          level,
          numbers: row?.numbers ?? [],
          expectations: [...(row?.expectations ? [row.expectations] : []), ...texts('expectations')],
          criteria: [...(row?.criteria ?? []), ...texts('criteria')],
          redFlags: [...(row?.redFlags ?? []), ...texts('redFlags')],
          recommendations: [...(row?.recommendations ?? []), ...texts('recommendations')],
        };
        if (row?.heading) guide.heading = row.heading;
        const experience = plan?.experience ?? row?.experience;
        if (experience) guide.experience = experience;
        const count = plan?.questionCount ?? row?.questionCount;
        if (count) guide.questionCount = count;
        if (plan?.minutes) guide.minutes = plan.minutes;
        return guide;
      });
      const notes = (meta.notes ?? []).map((note) => ({
        heading: note.heading,
        lines: note.content.children.flatMap((block) =>
          block.type === 'list' ? block.children.map((item) => toString(item)) : [toString(block)],
        ),
      }));
      return { file, ...(meta.title ? { title: meta.title } : {}), notes, levels };
    });
}

/** Every text of a guide an edition shows (translated through `labels`). */
export function guideTexts(guide: OutlineGuide): string[] {
  const texts = guide.notes.flatMap((n) => [n.heading, ...n.lines]);
  for (const l of guide.levels) {
    texts.push(...[l.heading, l.experience].filter((t): t is string => t !== undefined));
    texts.push(...l.expectations, ...l.criteria, ...l.redFlags, ...l.recommendations);
  }
  return [...new Set(texts)];
}

/** Guide texts an edition needs translated that have no entry under `labels` (reported like a missing label). */
export function missingGuideLabels(
  guides: readonly OutlineGuide[],
  labels: ReadonlyMap<string, Partial<Record<Lang, string>>>,
): TranslationProblem[] {
  return guides.flatMap((guide) =>
    guideTexts(guide).flatMap((text) =>
      LANGS.filter((lang) => !isWrittenIn(text, lang) && !labels.get(text)?.[lang]).map((lang): TranslationProblem => ({
        kind: 'missing',
        file: guide.file,
        line: 1,
        id: guide.file,
        lang,
        message: `label "${text}" (outline level guide) needs a ${lang} translation under labels:`,
      })),
    ),
  );
}

/** A guide text in `lang`: the text itself when written in it, its label translation, else the original. */
export function guideText(
  text: string,
  lang: Lang,
  labels: Readonly<Record<string, Partial<Record<Lang, string>>>>,
): string {
  return isWrittenIn(text, lang) ? text : (labels[text]?.[lang] ?? text);
}

/** Middle of a time range, in whole minutes. */
export const midMinutes = ([from, to]: readonly [number, number]): number => Math.round((from + to) / 2);

/** Questions with minutes for all (see the module comment); estimated ones carry `minutesEstimated`. */
export function estimateMinutes(questions: readonly Question[], guides: readonly OutlineGuide[]): Question[] {
  const estimates = new Map<string, number>();
  const byFile = new Map<string, Question[]>();
  for (const q of questions) {
    if (q.minutes === undefined) byFile.set(q.source.file, [...(byFile.get(q.source.file) ?? []), q]);
  }
  for (const guide of guides) {
    const untimed = byFile.get(guide.file) ?? [];
    const byNumber = new Map(untimed.map((q) => [q.source.number, q]));
    const timed = new Map<number, number>();
    const levels = guide.levels
      .filter((l) => l.minutes && l.numbers.length > 0)
      .sort((a, b) => a.numbers.length - b.numbers.length);
    for (const level of levels) {
      const fresh = level.numbers.filter((k) => !timed.has(k));
      if (fresh.length === 0) continue;
      const left = midMinutes(level.minutes!) - level.numbers.reduce((sum, k) => sum + (timed.get(k) ?? 0), 0);
      const base = Math.floor(Math.max(0, left) / fresh.length);
      const extra = Math.max(0, left) - base * fresh.length;
      fresh.forEach((k, i) => timed.set(k, Math.max(1, base + (i < extra ? 1 : 0))));
    }
    const largest = levels.at(-1);
    const rate = largest ? Math.max(1, Math.round(midMinutes(largest.minutes!) / largest.numbers.length)) : undefined;
    for (const [number, q] of byNumber) {
      const minutes = (number !== undefined ? timed.get(number) : undefined) ?? rate;
      if (minutes !== undefined) estimates.set(q.id, minutes);
    }
  }
  const known = [...questions.flatMap((q) => (q.minutes !== undefined ? [q.minutes] : [])), ...estimates.values()].sort(
    (a, b) => a - b,
  );
  const typical = known.length > 0 ? known[Math.floor((known.length - 1) / 2)] : 1;
  return questions.map((q) =>
    q.minutes !== undefined ? q : { ...q, minutes: estimates.get(q.id) ?? typical, minutesEstimated: true },
  );
}
