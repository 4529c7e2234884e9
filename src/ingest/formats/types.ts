/**
 * The contract every source-format module implements.
 *
 * A format module knows one format: it recognises it by content (`detect`) and turns it into
 * raw items with line spans (`parse`). It accounts for every line of the file: each line is
 * kept (part of an item or of document metadata), dropped as known debris, or unplaced.
 */
import type { Answer, Content, FormatId, Lang, Level } from '../model.ts';

/** What happened to one source line. */
export type LineFate = 'kept' | 'debris' | 'blank' | 'unplaced';

/** An item's answer: the model's answer parts (answer-parts.ts). */
export type RawAnswer = Answer;

/** A question as a format parser sees it: no id, no topic yet. */
export interface RawItem {
  title: string;
  prompt?: Content;
  kind?: string;
  answer?: RawAnswer;
  followUps: string[];
  minutes?: number;
  /** Number in the source (bank / outline numbering, practice step). */
  number?: number;
  /** Section heading of the source the item sits under. */
  section?: string;
  /** 1-based inclusive line span. */
  lines: [number, number];
  /** Levels the source sets on the question itself (native format); else from the level table. */
  levels?: Level[];
  /** Topic id the source pins the question to (native format), with the line that says so. */
  topic?: { id: string; line: number };
  /** Language the source declares (native format); else detected from the title. */
  lang?: Lang;
}

/** Document-level facts a parser found (page title, company, date, level table). */
export interface DocumentMeta {
  title?: string;
  company?: string;
  date?: string;
  /** Level table of an interview outline: level -> question numbers, with the line it came from. */
  levels?: {
    level: Level;
    numbers: number[];
    line: number;
    /** The level's heading as written ("Junior Backend Developer (1-2 года)"). */
    heading?: string;
    /** "**Ожидания:**" text. */
    expectations?: string;
    /** Parenthetical after the ranges ("15-20 вопросов"). */
    questionsNote?: string;
    /** "**Критерии:**" bullets. */
    criteria?: string[];
    /** Experience from the heading's parenthesis ("1-2 года"). */
    experience?: string;
    /** Question count range from the parenthetical after the ranges ("15-20 вопросов" -> [15, 20]). */
    questionCount?: [number, number];
    /** "**Красные флаги:**" bullets inside the level's block: they belong to this level. */
    redFlags?: string[];
    /** "**Рекомендации:**" lines inside the level's block. */
    recommendations?: string[];
  }[];
  /**
   * An outline's time plan per level, from the header ("**Время проведения:**" bullets such as
   * "**Junior (1-2 года):** 15-20 вопросов (30-45 минут)").
   */
  schedule?: {
    level: Level;
    /** The label as written ("Junior (1-2 года)"). */
    label: string;
    experience?: string;
    questionCount?: [number, number];
    minutes?: [number, number];
    /** The text after the label ("15-20 вопросов (30-45 минут)"). */
    text: string;
    line: number;
  }[];
  /**
   * Guidance for every level of an outline, from known labels outside the level blocks (at the
   * end, under the recommendations): red flags, criteria, expectations, recommendations.
   */
  guidance?: Partial<Record<GuidanceKind, { text: string; line: number }[]>>;
  /** Description paragraph under the document title (question bank). */
  description?: string;
  /** Kind of interview a practice page trains ("Техническое собеседование"). */
  interview?: string;
  /** Counters a practice page declares ("Шагов", "Вопросов", "Задач"), as label -> value. */
  counters?: { label: string; value: number; line: number }[];
  /**
   * Labelled document notes kept verbatim: an outline's structure and time header,
   * recommendations for the interviewer, red flags. `line` is the line of the label.
   */
  notes?: { heading: string; content: Content; line: number }[];
}

/** The labels an outline knows outside questions and level ranges. */
export const GUIDANCE_KINDS = ['expectations', 'criteria', 'redFlags', 'recommendations'] as const;
export type GuidanceKind = (typeof GUIDANCE_KINDS)[number];

export interface ParseResult {
  items: RawItem[];
  meta: DocumentMeta;
  /** fates[i] is the fate of line i + 1. */
  fates: LineFate[];
  warnings: ParseIssue[];
}

export interface ParseIssue {
  line: number;
  message: string;
}

export interface SourceFormat {
  id: FormatId;
  /** Human-readable name for reports. */
  name: string;
  /**
   * True when the text is in this format. Must look at content only, never at a file name.
   * `lines` are the text's contentLines(), when the caller has them already (detectFormat
   * splits a text once for every format).
   */
  detect(text: string, lines?: readonly string[]): boolean;
  /** Parse the text. Throws ParseError for malformed items. */
  parse(text: string): ParseResult;
}

/** A malformed item: carries the 1-based line where the problem is. */
export class ParseError extends Error {
  constructor(
    public readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
