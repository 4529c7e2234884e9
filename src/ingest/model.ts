/**
 * The typed question model every source format is normalised into.
 *
 * Rich text (answers, prompts, follow-ups) is stored as a restricted mdast tree, never as a
 * Markdown string: text nodes hold literal source text, math lives in `inlineMath` / `math`
 * nodes, code in `code` / `inlineCode`. The emitter serialises these trees with an MDX-aware
 * serializer, so source text can never turn into markup or code.
 */
import { z } from 'zod';
import type { Root } from 'mdast';
import type { Plan } from './plans.ts';
import type { RelatedStats } from './related.ts';
import type { OutlineGuide } from './levels.ts';

/**
 * The shape of every id: question ids and their aliases, topic, section, concept and plan ids
 * (lower-case Latin words and digits joined by single hyphens, `batch-norm-2`).
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A string in the shape of an id ({@link ID_PATTERN}). */
export const Id = z.string().regex(ID_PATTERN);

export const LANGS = ['ru', 'en'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

export const LEVELS = ['junior', 'middle', 'senior'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** Format ids, one per module in `src/ingest/formats/`. */
export const FORMAT_IDS = [
  'practice-page',
  'question-bank',
  'qa-notes',
  'interview-outline',
  'native-markdown',
] as const;
export const FormatId = z.enum(FORMAT_IDS);
export type FormatId = z.infer<typeof FormatId>;

/* ---------- restricted mdast ---------- */

type Node = { type: string; [key: string]: unknown };
const text = z.object({ type: z.literal('text'), value: z.string() });
const inlineCode = z.object({ type: z.literal('inlineCode'), value: z.string() });
const inlineMath = z.object({ type: z.literal('inlineMath'), value: z.string() });
const breakNode = z.object({ type: z.literal('break') });

// Discriminated unions (by `type`): a plain union tries every member and builds an issue for
// each failed one, which made validating 10,000 questions take seconds.
const phrasing: z.ZodType<Node> = z.lazy(() =>
  z.discriminatedUnion('type', [
    text,
    inlineCode,
    inlineMath,
    breakNode,
    z.object({ type: z.literal('strong'), children: z.array(phrasing) }),
    z.object({ type: z.literal('emphasis'), children: z.array(phrasing) }),
  ]),
);

const paragraph = z.object({ type: z.literal('paragraph'), children: z.array(phrasing) });
const tableCell = z.object({ type: z.literal('tableCell'), children: z.array(phrasing) });
const tableRow = z.object({ type: z.literal('tableRow'), children: z.array(tableCell) });

const block: z.ZodType<Node> = z.lazy(() =>
  z.discriminatedUnion('type', [
    paragraph,
    z.object({ type: z.literal('math'), value: z.string() }),
    z.object({ type: z.literal('code'), lang: z.string().nullable().optional(), value: z.string() }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().nullable().optional(),
      spread: z.boolean().optional(),
      children: z.array(
        z.object({ type: z.literal('listItem'), spread: z.boolean().optional(), children: z.array(block) }),
      ),
    }),
    z.object({
      type: z.literal('table'),
      align: z.array(z.enum(['left', 'right', 'center']).nullable()).optional(),
      children: z.array(tableRow).min(1),
    }),
    /** A "Заблуждение:" / misconception note; rendered as a Starlight caution aside. */
    z.object({
      type: z.literal('caution'),
      title: z.array(phrasing),
      children: z.array(block),
    }),
  ]),
);

/** Block content: a restricted mdast root. */
export const Content = z.object({ type: z.literal('root'), children: z.array(block) }) as unknown as z.ZodType<Root>;
export type Content = Root;
/** Inline content: the children of one paragraph. */
export const Inline = z.array(phrasing);

/* ---------- the question ---------- */

export const SourceRef = z.object({
  /** File name inside content/sources/. */
  file: z.string(),
  format: FormatId,
  /** 1-based inclusive line range of the whole item in the source file. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** Number of the question in its source (bank and outline numbering, practice steps). */
  number: z.number().int().positive().optional(),
  company: z.string().optional(),
  date: z.string().optional(),
  /** Title of the source document (first heading / page title). */
  title: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Answer = z.object({
  short: Content.optional(),
  detailed: Content.optional(),
  mistakes: Content.optional(),
  howToSay: Content.optional(),
});
export type Answer = z.infer<typeof Answer>;

export const Question = z.object({
  /** Stable, readable Latin slug; unique across the handbook; the page anchor. */
  id: Id,
  /** Earlier ids of the question (from content/ids.lock.json); their links keep working. */
  aliases: z.array(z.string()).optional(),
  topic: z.string(),
  /** Section of the source (or of topics.yaml) the question sits under; used to group pages. */
  subtopic: z.string().optional(),
  /** Language the question was written in (its title). */
  lang: Lang,
  /** Plain-text title (the heading). */
  title: z.string().min(1),
  /** Full question text when it differs from the title. */
  prompt: Content.optional(),
  /** Question kind from practice pages ("Вопрос по метрикам"). */
  kind: z.string().optional(),
  answer: Answer.optional(),
  followUps: z.array(z.string()),
  minutes: z.number().int().positive().optional(),
  levels: z.array(Level),
  source: SourceRef,
  tags: z.array(z.string()),
});
/** A question's texts in one edition's language; absent fields fall back to the source. */
export interface LocalizedFields {
  title?: string;
  prompt?: Content;
  kind?: string;
  subtopic?: string;
  answer?: Answer;
  followUps?: string[];
  /** Fields the edition needs but no valid translation provides: shown in the original, marked. */
  untranslated?: ('title' | 'prompt' | keyof Answer | 'followUps')[];
}

export type Question = z.infer<typeof Question> & {
  /** `minutes` is an estimate (src/ingest/levels.ts), not given by the source. */
  minutesEstimated?: boolean;
  /** content/answers/ file the answer came from, when a reader added it (answer overlay). */
  answerSource?: string;
  /** Curated translations merged by ingestion (content/translations/), per edition language. */
  translations?: Partial<Record<Lang, LocalizedFields>>;
  /** Vocabulary concepts the question names (content/concepts.yaml), strongest first. */
  concepts?: QuestionConcept[];
  /** Answered questions whose own question covers this one's core concepts (src/ingest/related.ts). */
  answeredIn?: string[];
  /** Related question ids, ranked (src/ingest/related.ts); symmetric. */
  related?: string[];
};

/** A concept a question names: its strength (profile.ts), whether it is what the question asks about. */
export interface QuestionConcept {
  id: string;
  weight: number;
  core: boolean;
  inTitle?: boolean;
}

/** Whether a question carries any answer text. */
export function hasAnswer(q: Pick<Question, 'answer'>): boolean {
  return Boolean(q.answer && Object.values(q.answer).some((c) => c && c.children.length > 0));
}

/* ---------- topics and the assembled handbook ---------- */

export const Localized = z.object({ ru: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

/** One topic of content/topics.yaml. */
export const Topic = z.object({
  id: Id,
  name: Localized,
  description: Localized,
  /** Sections of the topic page, in order; concepts (content/concepts.yaml) name their section. */
  subtopics: z
    .array(
      z.object({
        id: Id,
        name: Localized,
      }),
    )
    .default([]),
});
export type Topic = z.infer<typeof Topic>;

/** Per-source ingestion report, also shown on the sources page. */
export const SourceSummary = z.object({
  file: z.string(),
  format: FormatId,
  formatName: z.string(),
  title: z.string().optional(),
  company: z.string().optional(),
  date: z.string().optional(),
  questions: z.number().int(),
  answers: z.number().int(),
  lines: z.object({
    total: z.number().int(),
    kept: z.number().int(),
    debris: z.number().int(),
    blank: z.number().int(),
    unplaced: z.number().int(),
  }),
  /** 1-based numbers of lines that could not be placed. */
  unplacedLines: z.array(z.number().int()),
  warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

/** Everything the emitter needs: questions in handbook order, topics, sources. */
export interface Handbook {
  questions: Question[];
  /** Translations of shared short strings (section names, source titles, kinds): text -> lang -> text. */
  labels?: Record<string, Partial<Record<Lang, string>>>;
  /** Retired ids (content/ids.lock.json) stay reserved; permalinks to them explain the removal. */
  retiredIds?: string[];
  /** What the interview outlines say about their levels (src/ingest/levels.ts). */
  guides?: OutlineGuide[];
  /** Prep plans (content/plans/*.yaml), validated and resolved to question ids. */
  plans?: Plan[];
  /** How many questions got related questions (ingest report). */
  relatedStats?: RelatedStats;
  /** Concept names by id (content/concepts.yaml), for search keywords. */
  vocabulary?: Record<string, { ru: string; en: string; forms: string[] }>;
  /** Words that phrase a question without naming its subject (content/concepts.yaml), for search. */
  questionWords?: string[];
  topics: Topic[];
  sources: SourceSummary[];
}
