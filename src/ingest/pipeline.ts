/**
 * The ingestion pipeline as one pure function: source files and data files in, the assembled
 * handbook (questions, topics, per-source reports) out. Only scripts/ingest.ts touches disk.
 */
import { z } from 'zod';
import { detectFormat, decodeSource } from './formats/index.ts';
import type { DocumentMeta, ParseResult, RawItem } from './formats/types.ts';
import { createClassifier, loadTopics } from './classify.ts';
import { createSlugger, type SlugRules } from './ids.ts';
import { assignIds, DroppedIdError, EMPTY_LOCK, IdLock, lockProblem, type IdCandidate } from './id-lock.ts';
import { plainText } from './mdast.ts';
import { parseDataFile } from './data-file.ts';
import { hasAnswer, Question, type Handbook, type Lang, type Level, type SourceSummary } from './model.ts';
import { isCanonicalQuestion } from './canonical.ts';
import { SourceError } from './errors.ts';
import { applyOverlays, parseOverlay } from './answer-overlays.ts';
import { applyTranslations, loadTranslations, type TranslationProblem } from './translations.ts';
import { findQuestionTerms, loadGlossary, matchTerms, type Glossary, type QuestionTerms } from './glossary.ts';
import { computeRelated, idResolver, loadRelations, questionConcepts, type RelatedStats } from './related.ts';
import { loadPlans } from './plans.ts';

/** A file handed to the pipeline: its name (relative to its folder) and raw bytes. */
export interface InputFile {
  file: string;
  bytes: Uint8Array;
}

/** A data file handed to the pipeline: its name (for error messages) and text. */
export interface DataText {
  file: string;
  text: string;
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
  /** content/glossary.yaml: ru/en term pairs, matched in every question for cross-language search. */
  glossary?: DataText;
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
}

/**
 * The stages of runPipeline, in order, as `onStage` reports them:
 * - `parse`: the topics, slug rules and id lock, then decode, detect the format and parse every source;
 * - `ids`: slugs, fingerprints and the id lock;
 * - `questions`: topic classification and the question model's check;
 * - `translations`: translation files and answer overlays;
 * - `glossary`: the glossary and its terms in every question;
 * - `related`: source summaries, related questions and plans.
 */
export const PIPELINE_STAGES = ['parse', 'ids', 'questions', 'translations', 'glossary', 'related'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface PipelineOptions {
  /** Called as each stage ends with its wall time in milliseconds (for the benchmark). */
  onStage?: (stage: PipelineStage, ms: number) => void;
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

function parseSource(input: InputFile): ParsedSource {
  const text = decodeSource(Buffer.from(input.bytes), input.file);
  const format = detectFormat(text, input.file);
  try {
    return { file: input.file, formatId: format.id, formatName: format.name, result: format.parse(text) };
  } catch (error) {
    if (
      error instanceof Error &&
      'line' in error &&
      typeof error.line === 'number' &&
      !(error instanceof SourceError)
    ) {
      throw new SourceError(input.file, error.line, `${format.name}: ${error.message}`);
    }
    throw error;
  }
}

/** What a question takes from outside its parsed item: its id, classification, levels and source. */
export interface QuestionOrigin {
  id: string;
  aliases?: string[];
  topic: string;
  subtopic?: string;
  levels: Level[];
  file: string;
  format: Question['source']['format'];
  meta: Pick<DocumentMeta, 'company' | 'date' | 'title'>;
}

/**
 * The question a parsed item becomes. Keys are in the Question schema's order, so a valid
 * question is already what zod would return (isCanonicalQuestion accepts it without a copy).
 */
export function questionFromItem(item: RawItem, origin: QuestionOrigin): Question {
  return {
    id: origin.id,
    aliases: origin.aliases,
    topic: origin.topic,
    subtopic: origin.subtopic,
    lang: detectLang(item.title),
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
  const classifier = createClassifier(rules);

  const sorted = [...input.sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const parsed = sorted.map(parseSource);
  stageEnds('parse');
  const items = parsed.flatMap((source) => source.result.items.map((item) => ({ source, item })));
  const slugFor = createSlugger(slugRules);
  const candidates: IdCandidate[] = items.map(({ source, item }) => ({
    slug: slugFor(item.title),
    title: item.title,
    text: `${item.title}\n${item.prompt ? plainText(item.prompt.children as never) : ''}`,
    source: source.file,
    number: item.number,
  }));
  let assignment;
  try {
    assignment = assignIds(candidates, lock);
  } catch (error) {
    if (error instanceof DroppedIdError) throw new SourceError(input.lock?.file ?? 'ids.lock.json', 1, error.message);
    throw error;
  }
  stageEnds('ids');
  const aliases = new Map(assignment.lock.questions.map((e) => [e.id, e.aliases]));

  const parsedQuestions = items.map(({ source, item }, i) => {
    const id = assignment.ids[i];
    const { topic } = classifier.classify({
      id,
      text: candidates[i].text,
      context: [item.section ?? '', ...item.followUps].join('\n'),
    });
    // A curated section of the topic (topics.yaml) when one matches, else the source's own.
    const curated = classifier.subtopic(topic, candidates[i].text);
    const question = questionFromItem(item, {
      id,
      aliases: aliases.get(id)?.length ? aliases.get(id) : undefined,
      topic,
      subtopic: curated?.name.ru ?? item.section,
      levels: levelsFor(item, source),
      file: source.file,
      format: source.formatId,
      meta: source.result.meta,
    });
    // A question already in the schema's exact shape is what zod would return (canonical.ts).
    if (isCanonicalQuestion(question)) return question;
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
  const translated = applyTranslations(parsedQuestions, loadTranslations(input.translations ?? []), subtopicLabels);
  const overlaid = applyOverlays(
    translated.questions,
    (input.answers ?? []).map((a) => parseOverlay(a.file, a.text)),
  );
  stageEnds('translations');
  const glossary = input.glossary ? loadGlossary(input.glossary.text, input.glossary.file) : undefined;
  // Glossary terms are matched once: search keywords (terms, tags) and related questions use them.
  const found = glossary ? findQuestionTerms(overlaid, glossary) : undefined;
  const questions = withTerms(overlaid, glossary, found);
  stageEnds('glossary');
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
  const { questions: linked, stats: relatedStats } = withRelated(questions, retiredIds, input, glossary, found);
  const plans = loadPlans(input.plans ?? [], linked, retiredIds);
  stageEnds('related');
  return {
    handbook: {
      questions: linked,
      topics: rules.topics,
      sources,
      retiredIds,
      labels: Object.fromEntries(translated.labels),
      plans,
      relatedStats,
    },
    lock: assignment.lock,
    translationProblems: translated.problems,
  };
}

/**
 * Adds the glossary terms each question mentions (`terms`) and their English names as `tags`.
 * Without a glossary the questions are returned unchanged.
 */
function withTerms(
  questions: Question[],
  glossary: Glossary | undefined,
  found?: ReadonlyMap<string, QuestionTerms>,
): Question[] {
  if (!glossary) return questions;
  const matched = matchTerms(questions, glossary, found);
  return questions.map((q) => {
    const terms = matched.get(q.id) ?? [];
    return terms.length === 0 ? q : { ...q, terms, tags: [...new Set([...q.tags, ...terms.map((t) => t.en)])] };
  });
}

/** Adds `related` (ranked related question ids, see related.ts) to every question. */
function withRelated(
  questions: Question[],
  retiredIds: string[],
  input: PipelineInput,
  glossary: Glossary | undefined,
  found?: ReadonlyMap<string, QuestionTerms>,
): { questions: Question[]; stats: RelatedStats } {
  const manual = loadRelations(input.relations, idResolver(questions, retiredIds));
  const { related, stats } = computeRelated(questions, {
    concepts: questionConcepts(questions, glossary, found),
    manual,
  });
  return { questions: questions.map((q) => ({ ...q, related: related.get(q.id) ?? [] })), stats };
}

/** The handbook alone (see runPipeline). */
export function buildHandbook(input: PipelineInput): Handbook {
  return runPipeline(input).handbook;
}
