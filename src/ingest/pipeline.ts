/**
 * The ingestion pipeline as one pure function: source files and data files in, the assembled
 * handbook (questions, topics, per-source reports) out. Only scripts/ingest.ts touches disk.
 */
import { z } from 'zod';
import { decodeSource, parseSource } from './formats/index.ts';
import type { DocumentMeta, ParseResult, RawItem } from './formats/types.ts';
import { loadTopics, place, topicSections, type TopicsFile } from './classify.ts';
import { createSlugger, type SlugRules } from './ids.ts';
import {
  assignIds,
  DroppedIdError,
  EMPTY_LOCK,
  IdLock,
  lockProblem,
  type IdCandidate,
  type LockEntry,
} from './id-lock.ts';
import { parseDataFile, type DataText } from './data-file.ts';
import {
  hasAnswer,
  LANGS,
  Question,
  type Content,
  type Handbook,
  type Lang,
  type Level,
  type SourceSummary,
} from './model.ts';
import { toString } from 'mdast-util-to-string';
import { SourceError } from './errors.ts';
import { applyOverlays, parseOverlay } from './answer-overlays.ts';
import { applyTranslations, loadTranslations, type TranslationProblem } from './translations.ts';
import { computeRelated, idResolver, loadRelations, type RelatedStats } from './related.ts';
import { emptyVocabulary, loadVocabulary, type Vocabulary } from './concepts/vocabulary.ts';
import { EMPTY_PROFILE, profileQuestion, type Profile } from './concepts/profile.ts';
import { loadPlans } from './plans.ts';
import { applyGuideTranslations, estimateMinutes, outlineGuides } from './levels.ts';

/** A file handed to the pipeline: its name (relative to its folder) and raw bytes. */
export interface InputFile {
  file: string;
  bytes: Uint8Array;
}

export interface PipelineInput {
  sources: InputFile[];
  topics: DataText;
  slugs: DataText;
  /** content/ids.lock.json; absent on a first run. */
  lock?: DataText;
  /** content/translations/*.yaml */
  translations?: DataText[];
  /** content/answers/<id>.<lang>.md */
  answers?: DataText[];
  /** content/concepts.yaml: the concept vocabulary (topics, sections, search keywords, related questions). */
  concepts?: DataText;
  /** content/relations.yaml: manual related-question additions and exclusions. */
  relations?: DataText;
  /** content/plans/*.yaml: prep plans. */
  plans?: DataText[];
}

export interface PipelineResult {
  handbook: Handbook;
  /** The lock with every published id and the new ones; write it back to keep ids permanent. */
  lock: IdLock;
  /** Missing, stale or orphaned translations (file, line, id). */
  translationProblems: TranslationProblem[];
  /** Published ids no question claims (only with `keepDroppedIds`; otherwise they are an error). */
  droppedIds: LockEntry[];
}

/**
 * The stages of runPipeline, in order, as `onStage` reports them:
 * - `parse`: the topics, slug rules and id lock, then decode, detect the format and parse every source;
 * - `ids`: slugs, fingerprints and the id lock;
 * - `questions`: the question model's check;
 * - `translations`: translation files and answer overlays;
 * - `concepts`: the concept vocabulary, each question's concepts, its topic and section;
 * - `related`: source summaries, related questions and plans.
 */
export const PIPELINE_STAGES = ['parse', 'ids', 'questions', 'translations', 'concepts', 'related'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface PipelineOptions {
  /** Called as each stage ends with its wall time in milliseconds (for the benchmark). */
  onStage?: (stage: PipelineStage, ms: number) => void;
  /** Report published ids no question claims (`droppedIds`) instead of failing (`npm run ids`). */
  keepDroppedIds?: boolean;
}

const SlugRulesSchema = z.object({
  maxWords: z.number().int().positive(),
  maxLength: z.number().int().positive(),
  stopwords: z.array(z.string()),
});

/**
 * The original language of a title: Russian as soon as it has a Cyrillic word, since Russian
 * questions routinely embed English terms ("MC Dropout для uncertainty estimation") while an
 * English title never contains Cyrillic.
 */
export function detectLang(text: string): Lang {
  return /\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en';
}

interface ParsedSource {
  file: string;
  formatId: Question['source']['format'];
  formatName: string;
  result: ParseResult;
}

/** Decodes, detects and parses one source (formats/index.ts checks every line gets a fate). */
function readSource(input: InputFile): ParsedSource {
  const text = decodeSource(Buffer.from(input.bytes), input.file);
  const { format, result } = parseSource(text, input.file);
  return { file: input.file, formatId: format.id, formatName: format.name, result };
}

/** What a question takes from outside its parsed item: its id, classification, levels and source. */
interface QuestionOrigin {
  id: string;
  aliases?: string[];
  topic: string;
  subtopic?: string;
  levels: Level[];
  file: string;
  format: Question['source']['format'];
  meta: Pick<DocumentMeta, 'company' | 'date' | 'title'>;
}

/** The question a parsed item becomes, before the Question schema checks it (keys in the schema's order). */
function questionFromItem(item: RawItem, origin: QuestionOrigin): Question {
  return {
    id: origin.id,
    aliases: origin.aliases,
    topic: origin.topic,
    subtopic: origin.subtopic,
    lang: item.lang ?? detectLang(item.title),
    title: item.title,
    prompt: item.prompt,
    kind: item.kind,
    answer: item.answer,
    followUps: item.followUps,
    minutes: item.minutes,
    levels: origin.levels,
    source: {
      file: origin.file,
      format: origin.format,
      lines: item.lines,
      number: item.number,
      company: origin.meta.company,
      date: origin.meta.date,
      title: origin.meta.title,
    },
    tags: [],
  };
}

/** Levels a question is listed for in its source's level table. */
function levelsFor(item: RawItem, parsed: ParsedSource): Level[] {
  if (item.levels) return item.levels;
  const table = parsed.result.meta.levels ?? [];
  return table.filter((row) => item.number !== undefined && row.numbers.includes(item.number)).map((row) => row.level);
}

function summarize(parsed: ParsedSource, questions: Question[]): SourceSummary {
  const { fates, meta, warnings } = parsed.result;
  const counts = new Map<string, number>();
  for (const fate of fates) counts.set(fate, (counts.get(fate) ?? 0) + 1);
  const count = (fate: string) => counts.get(fate) ?? 0;
  return {
    file: parsed.file,
    format: parsed.formatId,
    formatName: parsed.formatName,
    title: meta.title,
    company: meta.company,
    date: meta.date,
    questions: questions.length,
    answers: questions.filter(hasAnswer).length,
    lines: {
      total: fates.length,
      kept: count('kept'),
      debris: count('debris'),
      blank: count('blank'),
      unplaced: count('unplaced'),
    },
    unplacedLines: fates.flatMap((f, i) => (f === 'unplaced' ? [i + 1] : [])),
    warnings,
  };
}

function loadLock(lock: DataText | undefined): IdLock {
  if (!lock) return EMPTY_LOCK;
  const { value } = fastLock(lock.text) ?? parseDataFile(lock.text, lock.file, IdLock);
  const problem = lockProblem(value);
  if (problem) throw new SourceError(lock.file, 1, problem);
  return value;
}

/**
 * The lock as ingestion writes it (serializeLock) parses as JSON, which is much faster than
 * YAML on thousands of entries. Only a text that JSON.parse reads back to exactly the same
 * text (so no duplicate keys, nothing YAML would read differently) and that passes the schema
 * takes this path; anything else goes through parseDataFile for its errors with line numbers.
 */
function fastLock(text: string): { value: IdLock } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (`${JSON.stringify(raw, null, 2)}\n` !== text) return undefined;
  const checked = IdLock.safeParse(raw);
  return checked.success ? { value: checked.data } : undefined;
}

/**
 * Runs the whole ingestion. Sources are processed in file-name order so page order is
 * deterministic; ids come from the lock (see id-lock.ts). Throws SourceError / DataFileError
 * with file and line on bad input.
 */
export function runPipeline(input: PipelineInput, options: PipelineOptions = {}): PipelineResult {
  let started = performance.now();
  const stageEnds = (stage: PipelineStage) => {
    if (!options.onStage) return;
    const now = performance.now();
    options.onStage(stage, now - started);
    started = now;
  };
  const rules = loadTopics(input.topics.text, input.topics.file);
  const slugRules: SlugRules = parseDataFile(input.slugs.text, input.slugs.file, SlugRulesSchema).value;
  const lock = loadLock(input.lock);

  const sorted = [...input.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const parsed = sorted.map(readSource);
  stageEnds('parse');
  const items = parsed.flatMap((source) => source.result.items.map((item) => ({ source, item })));
  const slugFor = createSlugger(slugRules);
  const candidates: IdCandidate[] = items.map(({ source, item }) => ({
    slug: slugFor(item.title),
    title: item.title,
    text: `${item.title}\n${item.prompt ? toString(item.prompt) : ''}`,
    source: source.file,
    number: item.number,
  }));
  let assignment;
  try {
    assignment = assignIds(candidates, lock, { keepDropped: options.keepDroppedIds });
  } catch (error) {
    if (error instanceof DroppedIdError) throw new SourceError(input.lock?.file ?? 'ids.lock.json', 1, error.message);
    throw error;
  }
  stageEnds('ids');
  const aliases = new Map(assignment.lock.questions.map((e) => [e.id, e.aliases]));

  // Topics a source pins its questions to (native format); topics.yaml overrides still win.
  const pinned: Record<string, string> = {};
  const parsedQuestions = items.map(({ source, item }, i) => {
    const id = assignment.ids[i];
    if (item.topic) {
      if (!rules.topics.some((t) => t.id === item.topic!.id)) {
        const known = rules.topics.map((t) => t.id).join(', ');
        throw new SourceError(
          source.file,
          item.topic.line,
          `unknown topic "${item.topic.id}": expected one of ${known}`,
        );
      }
      pinned[id] = item.topic.id;
    }
    const question = questionFromItem(item, {
      id,
      aliases: aliases.get(id)?.length ? aliases.get(id) : undefined,
      // Placed by its concepts once translations are in (placeQuestions).
      topic: item.topic?.id ?? rules.default,
      subtopic: item.section,
      levels: levelsFor(item, source),
      file: source.file,
      format: source.formatId,
      meta: source.result.meta,
    });
    const checked = Question.safeParse(question);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new SourceError(
        source.file,
        item.lines[0],
        `invalid question: ${issue.message} at ${issue.path.join('.')}`,
      );
    }
    return checked.data;
  });

  stageEnds('questions');
  const subtopicLabels = Object.fromEntries(
    rules.topics.flatMap((t) => t.subtopics.map((sub) => [sub.name.ru, { ...sub.name }])),
  );
  const loadedTranslations = loadTranslations(input.translations ?? []);
  const translated = applyTranslations(parsedQuestions, loadedTranslations, subtopicLabels);
  const overlaid = applyOverlays(
    translated.questions,
    (input.answers ?? []).map((a) => parseOverlay(a.file, a.text)),
  );
  stageEnds('translations');
  const vocabulary = input.concepts
    ? loadVocabulary(input.concepts.text, input.concepts.file, topicSections(rules))
    : undefined;
  const profiles = new Map(
    overlaid.map((q) => [q.id, vocabulary ? profileQuestion(vocabulary, questionTexts(q)) : EMPTY_PROFILE]),
  );
  const placing = { ...rules, overrides: { ...pinned, ...rules.overrides } };
  const questions = vocabulary ? placeQuestions(overlaid, profiles, vocabulary, placing) : overlaid;
  stageEnds('concepts');
  const ids = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(rules.overrides)) {
    if (!ids.has(id)) {
      throw new SourceError(
        input.topics.file,
        rules.lineOf(['overrides', id]),
        `override names unknown question id "${id}"`,
      );
    }
  }
  const byFile = new Map<string, Question[]>(parsed.map((source) => [source.file, []]));
  for (const q of questions) byFile.get(q.source.file)?.push(q);
  const sources = parsed.map((source) => summarize(source, byFile.get(source.file)!));
  const retiredIds = assignment.lock.questions.filter((e) => e.retired).map((e) => e.id);
  const { questions: linked, stats: relatedStats } = withRelated(questions, retiredIds, input, profiles, vocabulary);
  const { guides, problems: guideProblems } = applyGuideTranslations(
    outlineGuides(parsed.map((p) => ({ file: p.file, format: p.formatId, meta: p.result.meta }))),
    loadedTranslations,
  );
  const timed = estimateMinutes(linked, guides);
  const plans = loadPlans(input.plans ?? [], timed, retiredIds, guides);
  stageEnds('related');
  return {
    handbook: {
      questions: timed,
      guides,
      topics: rules.topics,
      sources,
      retiredIds,
      labels: Object.fromEntries(translated.labels),
      plans,
      relatedStats,
      vocabulary: vocabulary ? vocabularyNames(vocabulary) : undefined,
      questionWords: vocabulary?.questionWords,
    },
    lock: assignment.lock,
    translationProblems: [...translated.problems, ...guideProblems],
    droppedIds: assignment.dropped,
  };
}

/**
 * The texts concepts are matched in: the question's own texts and their curated translations.
 * An answer a reader added (content/answers/) is not the source's: it does not move the question.
 */
function questionTexts(q: Question): Parameters<typeof profileQuestion>[1] {
  const tr = LANGS.map((lang) => q.translations?.[lang]).filter((t) => t !== undefined);
  const text = (c: Content | undefined) => (c ? toString(c) : '');
  const sourceAnswer = q.answerSource ? [] : [q.answer, ...tr.map((t) => t.answer)];
  return {
    title: [q.title, ...tr.map((t) => t.title ?? '')],
    prompt: [text(q.prompt), ...tr.map((t) => text(t.prompt))],
    followUps: [...q.followUps, ...tr.flatMap((t) => t.followUps ?? [])],
    answer: sourceAnswer.flatMap((a) => Object.values(a ?? {}).map((c) => text(c))),
  };
}

/**
 * Topic, page section, concepts and tags of every question, from its concept profile
 * (classify.ts). A question whose concepts name no section of its topic keeps its source section.
 */
function placeQuestions(
  questions: Question[],
  profiles: ReadonlyMap<string, Profile>,
  vocabulary: Vocabulary,
  rules: TopicsFile,
): Question[] {
  const contexts = new Map<string, Profile>();
  const contextOf = (section: string) => {
    let p = contexts.get(section);
    if (!p)
      contexts.set(
        section,
        (p = profileQuestion(vocabulary, { title: [], prompt: [section], followUps: [], answer: [] })),
      );
    return p;
  };
  return questions.map((q) => {
    const profile = profiles.get(q.id)!;
    const placement = place(profile, vocabulary, rules, {
      id: q.id,
      context: q.subtopic ? contextOf(q.subtopic) : undefined,
    });
    const section = rules.topics
      .find((t) => t.id === placement.topic)
      ?.subtopics.find((s) => s.id === placement.section);
    const concepts = [...profile.hits.values()]
      .sort((a, b) => b.strength - a.strength || a.concept - b.concept)
      .map((h) => ({
        id: vocabulary.concepts[h.concept].id,
        weight: Math.round(h.strength * 100) / 100,
        core: profile.core.includes(h.concept),
        ...(h.inTitle ? { inTitle: true } : {}),
      }));
    const placed: Question = {
      ...q,
      topic: placement.topic,
      concepts,
      tags: [...new Set([...q.tags, ...profile.core.map((c) => vocabulary.concepts[c].id)])],
    };
    if (section) {
      placed.subtopic = section.name.ru;
      placed.translations = Object.fromEntries(
        LANGS.map((lang) => [lang, { ...q.translations?.[lang], subtopic: section.name[lang] }]),
      );
    }
    return placed;
  });
}

/** Names and forms of every concept, for search keywords (emit/search-records.ts). */
function vocabularyNames(vocabulary: Vocabulary): NonNullable<Handbook['vocabulary']> {
  return Object.fromEntries(
    vocabulary.concepts.map((c) => [c.id, { ru: c.ru, en: c.en, forms: [...c.synonyms, ...c.abbr] }]),
  );
}

/** Adds `related` and `answeredIn` (related.ts) to every question. */
function withRelated(
  questions: Question[],
  retiredIds: string[],
  input: PipelineInput,
  profiles: ReadonlyMap<string, Profile>,
  vocabulary: Vocabulary | undefined,
): { questions: Question[]; stats: RelatedStats } {
  const manual = loadRelations(input.relations, idResolver(questions, retiredIds));
  const { related, answeredIn, stats } = computeRelated(questions, {
    profiles,
    vocabulary: vocabulary ?? emptyVocabulary(),
    manual,
  });
  return {
    questions: questions.map((q) => {
      const links = answeredIn.get(q.id);
      return { ...q, related: related.get(q.id) ?? [], ...(links ? { answeredIn: links } : {}) };
    }),
    stats,
  };
}

/** The handbook alone (see runPipeline). */
export function buildHandbook(input: PipelineInput): Handbook {
  return runPipeline(input).handbook;
}
