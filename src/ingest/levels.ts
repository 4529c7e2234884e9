/**
 * The interviewer's view of an interview outline: per level its experience, question count and
 * time range (the header's schedule), expectations, criteria, red flags and recommendations
 * (the level table and the guidance at the end), as typed data the plan pages show, and their
 * curated translations: a `guides:` entry of content/translations/*.yaml per outline, with the
 * `hash` of the source texts it translates, like a question's translation (`applyGuideTranslations`).
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
import { fingerprint } from './id-lock.ts';
import { LANGS, LEVELS, type FormatId, type Lang, type Level, type Question } from './model.ts';
import {
  isStale,
  isWrittenIn,
  trackedEntries,
  type LoadedTranslations,
  type TranslationProblem,
} from './translations.ts';

/** The lists of texts an outline gives for one level, or for every level. */
export interface GuideLists {
  expectations: string[];
  criteria: string[];
  redFlags: string[];
  recommendations: string[];
}
export const GUIDE_LISTS = ['expectations', 'criteria', 'redFlags', 'recommendations'] as const;

/** A level's own texts: its heading, experience and lists. */
export interface LevelTexts extends GuideLists {
  /** The level table heading ("Junior Backend Developer (1-2 года)"). */
  heading?: string;
  /** "1-2 года", from the schedule or the heading. */
  experience?: string;
}

/**
 * Every text of an outline's guide as the outline holds it: header notes, each level's own
 * texts, and the guidance for every level (a level shows its own lists, then these). A curated
 * translation has the same shape.
 */
export interface GuideTexts {
  notes: { heading: string; lines: string[] }[];
  levels: Partial<Record<Level, LevelTexts>>;
  general: GuideLists;
}

/** The facts of one level of an outline. */
export interface LevelGuide {
  level: Level;
  /** Question count range ("15-20 вопросов"). */
  questionCount?: [number, number];
  /** Time range in minutes ("30-45 минут"). */
  minutes?: [number, number];
  /** Question numbers of the level table. */
  numbers: number[];
}

/** What an outline says besides its questions. */
export interface OutlineGuide {
  /** Source file name. */
  file: string;
  /** First line of the outline the guide comes from (where a missing translation is reported). */
  line: number;
  title?: string;
  levels: LevelGuide[];
  /** The texts in the outline's language. */
  texts: GuideTexts;
  /** Curated translations whose hash matches the texts (applyGuideTranslations). */
  translations?: Partial<Record<Lang, GuideTexts>>;
}

/** A parsed source as the guides need it. */
export interface GuideSource {
  file: string;
  format: FormatId;
  meta: DocumentMeta;
}

const emptyLists = (): GuideLists => ({ expectations: [], criteria: [], redFlags: [], recommendations: [] });

/** The guides of every outline source that has a level table or a schedule. */
export function outlineGuides(sources: readonly GuideSource[]): OutlineGuide[] {
  return sources
    .filter((s) => s.format === 'interview-outline' && (s.meta.levels || s.meta.schedule))
    .map(({ file, meta }) => {
      const general = emptyLists();
      for (const kind of GUIDE_LISTS) general[kind] = (meta.guidance?.[kind] ?? []).map((e) => e.text);
      const names = LEVELS.filter((level) =>
        [...(meta.levels ?? []), ...(meta.schedule ?? [])].some((l) => l.level === level),
      );
      const levels: LevelGuide[] = [];
      const texts: GuideTexts['levels'] = {};
      for (const level of names) {
        const row = meta.levels?.find((l) => l.level === level);
        const plan = meta.schedule?.find((l) => l.level === level);
        const guide: LevelGuide = { level, numbers: row?.numbers ?? [] };
        const count = plan?.questionCount ?? row?.questionCount;
        if (count) guide.questionCount = count;
        if (plan?.minutes) guide.minutes = plan.minutes;
        levels.push(guide);
        const own: LevelTexts = {
          expectations: row?.expectations ? [row.expectations] : [],
          criteria: row?.criteria ?? [],
          redFlags: row?.redFlags ?? [],
          recommendations: row?.recommendations ?? [],
        };
        if (row?.heading) own.heading = row.heading;
        const experience = plan?.experience ?? row?.experience;
        if (experience) own.experience = experience;
        texts[level] = own;
      }
      const notes = (meta.notes ?? []).map((note) => ({
        heading: note.heading,
        lines: note.content.children.flatMap((block) =>
          block.type === 'list' ? block.children.map((item) => toString(item)) : [toString(block)],
        ),
      }));
      const lines = [
        ...(meta.levels ?? []),
        ...(meta.schedule ?? []),
        ...(meta.notes ?? []),
        ...Object.values(meta.guidance ?? {}).flat(),
      ].map((l) => l.line);
      return {
        file,
        line: lines.length > 0 ? Math.min(...lines) : 1,
        ...(meta.title ? { title: meta.title } : {}),
        levels,
        texts: { notes, levels: texts, general },
      };
    });
}

/** What a level shows: its own heading, experience and lists, each list followed by the guidance for every level. */
export function levelTexts(texts: GuideTexts, level: Level): LevelTexts {
  const own: LevelTexts = texts.levels[level] ?? emptyLists();
  const out: LevelTexts = emptyLists();
  if (own.heading) out.heading = own.heading;
  if (own.experience) out.experience = own.experience;
  for (const kind of GUIDE_LISTS) out[kind] = [...own[kind], ...texts.general[kind]];
  return out;
}

/** Every text of a guide, in a fixed order. */
export function guideTexts(texts: GuideTexts): string[] {
  const out = texts.notes.flatMap((n) => [n.heading, ...n.lines]);
  for (const level of LEVELS) {
    const own = texts.levels[level];
    if (!own) continue;
    out.push(...[own.heading, own.experience].filter((t): t is string => t !== undefined));
    for (const kind of GUIDE_LISTS) out.push(...own[kind]);
  }
  for (const kind of GUIDE_LISTS) out.push(...texts.general[kind]);
  return out;
}

/** Fingerprint of every text a guide translation translates (`hash` of its `guides:` entry). */
export function guideHash(texts: GuideTexts): string {
  const parts = texts.notes.flatMap((n) => ['note', n.heading, ...n.lines]);
  for (const level of LEVELS) {
    const own = texts.levels[level];
    if (!own) continue;
    parts.push(`level ${level}`, `heading ${own.heading ?? ''}`, `experience ${own.experience ?? ''}`);
    for (const kind of GUIDE_LISTS) parts.push(kind, ...own[kind]);
  }
  for (const kind of GUIDE_LISTS) parts.push(`general ${kind}`, ...texts.general[kind]);
  return fingerprint(parts.join('\n'));
}

/** The editions whose language some text of the guide is not written in. */
export function guideNeeds(texts: GuideTexts): Lang[] {
  const all = guideTexts(texts);
  return LANGS.filter((lang) => all.some((text) => !isWrittenIn(text, lang)));
}

/** A guide in one edition: its curated translation, else its own texts (`untranslated` when the edition needs a translation). */
export function guideIn(guide: OutlineGuide, lang: Lang): { texts: GuideTexts; untranslated: boolean } {
  const translated = guide.translations?.[lang];
  if (translated) return { texts: translated, untranslated: false };
  return { texts: guide.texts, untranslated: guideNeeds(guide.texts).includes(lang) };
}

/**
 * Merges the curated guide translations (`guides:` of the translation files, keyed by outline
 * file) into the guides and reports problems, as applyTranslations does for questions: an outline
 * an edition needs translated without a translation (missing), a translation whose hash no longer
 * matches the outline's texts (stale: ignored, the original is shown), a translation of an
 * unknown outline, and one whose shape differs from the source (a list of another length, a
 * level the outline lacks, a heading it does not have: the translation is not used).
 */
export function applyGuideTranslations(
  guides: readonly OutlineGuide[],
  loaded: LoadedTranslations,
): { guides: OutlineGuide[]; problems: TranslationProblem[] } {
  const problems: TranslationProblem[] = [];
  const known = new Set(guides.map((g) => g.file));
  const entries = trackedEntries(
    loaded,
    'guides',
    (file) => (known.has(file) ? file : undefined),
    (file) => `translation for unknown outline guide "${file}" (no interview outline of that file name)`,
    problems,
  );
  const merged = guides.map((guide) => {
    const entry = entries.get(guide.file);
    const stale = isStale(entry, guideHash(guide.texts), guide.file, `the outline guide "${guide.file}"`, problems);
    const needs = guideNeeds(guide.texts);
    const translations: Partial<Record<Lang, GuideTexts>> = {};
    for (const lang of LANGS) {
      const block = entry && !stale ? entry.blocks[lang] : undefined;
      if (block) {
        const mismatch = shapeMismatches(guide.texts, block).next().value;
        if (mismatch) {
          problems.push({
            kind: 'extra-field',
            file: entry!.file,
            line: entry!.lineOf([lang, ...mismatch.path]),
            id: guide.file,
            lang,
            message: `the ${lang} translation of the outline guide "${guide.file}" does not match the outline: ${mismatch.message}`,
          });
        } else translations[lang] = block;
      } else if (needs.includes(lang) && !stale) {
        problems.push({
          kind: 'missing',
          file: entry?.file ?? guide.file,
          line: entry?.line ?? guide.line,
          id: guide.file,
          lang,
          message: `the outline guide of "${guide.file}" (levels, criteria, red flags, recommendations) needs a ${lang} translation under guides:`,
        });
      }
    }
    return Object.keys(translations).length > 0 ? { ...guide, translations } : guide;
  });
  return { guides: merged, problems };
}

/** Where a translation's shape differs from its source's (none when it has the same texts to the item). */
function* shapeMismatches(source: GuideTexts, tr: GuideTexts): Generator<{ path: PropertyKey[]; message: string }> {
  const differ = (a: number, b: number) => `the outline has ${a}, the translation ${b}`;
  if (source.notes.length !== tr.notes.length) {
    yield { path: ['notes'], message: `notes: ${differ(source.notes.length, tr.notes.length)}` };
    return;
  }
  for (const [i, note] of source.notes.entries()) {
    const lines = tr.notes[i].lines.length;
    if (note.lines.length !== lines)
      yield {
        path: ['notes', i, 'lines'],
        message: `lines of note "${note.heading}": ${differ(note.lines.length, lines)}`,
      };
  }
  for (const level of LEVELS) {
    const own = source.levels[level];
    const other = tr.levels[level];
    if (!own) {
      if (other) yield { path: ['levels', level], message: `the outline has no level ${level}` };
      continue;
    }
    if (!other) {
      yield { path: ['levels'], message: `level ${level} is not translated` };
      continue;
    }
    for (const field of ['heading', 'experience'] as const) {
      if (Boolean(own[field]) !== Boolean(other[field]))
        yield {
          path: ['levels', level],
          message: `${level} ${field}: ${own[field] ? 'not translated' : 'the outline has none'}`,
        };
    }
    for (const kind of GUIDE_LISTS) {
      if (own[kind].length !== other[kind].length)
        yield {
          path: ['levels', level, kind],
          message: `${level} ${kind}: ${differ(own[kind].length, other[kind].length)}`,
        };
    }
  }
  for (const kind of GUIDE_LISTS) {
    const [a, b] = [source.general[kind].length, tr.general[kind].length];
    if (a !== b) yield { path: ['general', kind], message: `${kind} for every level: ${differ(a, b)}` };
  }
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
