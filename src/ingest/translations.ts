/**
 * Curated translations (content/translations/*.yaml): loading, validation against the
 * questions they translate, and merging into the model.
 *
 * A file holds entries keyed by question id. Each entry records `hash`, the fingerprint of the
 * source text it translates (see `sourceHash`), and a block per target language with the
 * fields written in that language (Markdown for rich text). `labels` translates short strings
 * shared by many questions: section names, source titles, question kinds. `guides` holds, per
 * interview outline (keyed by its file name), the translation of what it says about its levels,
 * with the `hash` of the texts it translates too (src/ingest/levels.ts).
 */
import { z } from 'zod';
import { ANSWER_PARTS } from './answer-parts.ts';
import { fingerprint } from './id-lock.ts';
import { parseDataFile } from './data-file.ts';
import { contentToMarkdown, markdownToContent, MarkdownContentError } from './markdown-content.ts';
import { toString } from 'mdast-util-to-string';
import { LANGS, LEVELS, type Content, type Lang, type LocalizedFields, type Question } from './model.ts';
import { SourceError } from './errors.ts';

const Block = z
  .object({
    title: z.string().min(1),
    prompt: z.string().min(1),
    short: z.string().min(1),
    detailed: z.string().min(1),
    mistakes: z.string().min(1),
    howToSay: z.string().min(1),
    followUps: z.array(z.string().min(1)),
  })
  .partial()
  .strict();
export type TranslationBlock = z.infer<typeof Block>;

const Texts = z.array(z.string().min(1)).default([]);
const GuideListsBlock = z.object({ expectations: Texts, criteria: Texts, redFlags: Texts, recommendations: Texts });
/** An outline guide in one language: the shape of GuideTexts (src/ingest/levels.ts). */
const GuideBlockSchema = z
  .object({
    notes: z.array(z.object({ heading: z.string().min(1), lines: Texts }).strict()).default([]),
    levels: z
      .partialRecord(
        z.enum(LEVELS),
        GuideListsBlock.extend({
          heading: z.string().min(1).optional(),
          experience: z.string().min(1).optional(),
        }).strict(),
      )
      .default({}),
    general: GuideListsBlock.strict().default({ expectations: [], criteria: [], redFlags: [], recommendations: [] }),
  })
  .strict();
export type GuideBlock = z.infer<typeof GuideBlockSchema>;

export const TranslationFile = z
  .object({
    labels: z
      .record(
        z.string(),
        z
          .object({ ru: z.string().min(1), en: z.string().min(1) })
          .partial()
          .strict(),
      )
      .default({}),
    questions: z
      .record(z.string(), z.object({ hash: z.string(), ru: Block.optional(), en: Block.optional() }).strict())
      .default({}),
    guides: z
      .record(
        z.string(),
        z.object({ hash: z.string(), ru: GuideBlockSchema.optional(), en: GuideBlockSchema.optional() }).strict(),
      )
      .default({}),
  })
  .strict();
export type TranslationFile = z.infer<typeof TranslationFile>;

/** The translatable text fields of a question, as written in the source. */
export type FieldName = keyof TranslationBlock;

/** Source text of each field (Markdown for rich fields), skipping absent ones. */
export function sourceFields(q: Question): Partial<Record<FieldName, string | string[]>> {
  const md = (c: Content | undefined) => (c && c.children.length > 0 ? contentToMarkdown(c) : undefined);
  const fields: Partial<Record<FieldName, string | string[]>> = {
    title: q.title,
    prompt: md(q.prompt),
    ...Object.fromEntries(ANSWER_PARTS.map((part) => [part, md(q.answer?.[part])])),
    followUps: q.followUps.length > 0 ? q.followUps : undefined,
  };
  for (const key of Object.keys(fields) as FieldName[]) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** Fingerprint of everything a translation of `q` translates. */
export function sourceHash(q: Question): string {
  const parts = [
    q.title,
    q.kind ?? '',
    ...[q.prompt, ...ANSWER_PARTS.map((part) => q.answer?.[part])].map((c) => (c ? toString(c) : '')),
    ...q.followUps,
  ];
  return fingerprint(parts.join('\n'));
}

/** Letters outside math and code decide the language of a text. */
function proseLetters(text: string): string {
  // Without `$` or a backtick neither pattern can match: the text is its own prose.
  if (!text.includes('$') && !text.includes('`')) return text;
  return text.replace(/\$\$[\s\S]*?\$\$|\$[^$\n]*\$/g, ' ').replace(/```[\s\S]*?```|`[^`\n]*`/g, ' ');
}

/** Whether a text reads as `lang` already (Russian: any Cyrillic; English: no Cyrillic). */
export function isWrittenIn(text: string, lang: Lang): boolean {
  return writtenIn(text)[lang];
}

/** Whether a text reads as each language (see isWrittenIn), its prose worked out once for both. */
function writtenIn(text: string): Record<Lang, boolean> {
  const prose = proseLetters(text);
  const cyrillic = /\p{Script=Cyrillic}/u.test(prose);
  return { ru: cyrillic || !/\p{Script=Latin}{2,}/u.test(prose), en: !cyrillic };
}

/**
 * The prose of rich content for language checks: its text outside math and code (a caution's
 * title included), one space between nodes. Reads the tree directly: serialising every field to
 * Markdown just to test its letters dominated ingestion time (see BENCHMARKS.md).
 */
function contentProse(content: Content): string {
  const parts: string[] = [];
  const walk = (node: { type: string; value?: unknown; children?: unknown; title?: unknown }): void => {
    if (node.type === 'text' && typeof node.value === 'string') parts.push(node.value);
    for (const key of ['title', 'children'] as const) {
      const children = node[key];
      if (Array.isArray(children)) for (const child of children) walk(child);
    }
  };
  walk(content);
  return parts.join(' ');
}

/** Each present translatable field of `q` as text whose letters decide its language. */
function languageFields(q: Question): [FieldName, string | string[]][] {
  const rich = (c: Content | undefined) => (c && c.children.length > 0 ? contentProse(c) : undefined);
  const fields: [FieldName, string | string[] | undefined][] = [
    ['title', q.title],
    ['prompt', rich(q.prompt)],
    ...ANSWER_PARTS.map((part): [FieldName, string | undefined] => [part, rich(q.answer?.[part])]),
    ['followUps', q.followUps.length > 0 ? q.followUps : undefined],
  ];
  return fields.filter((field): field is [FieldName, string | string[]] => field[1] !== undefined);
}

/** The fields of `q` that the `lang` edition needs translated. */
export function fieldsNeeding(q: Question, lang: Lang): FieldName[] {
  return fieldsNeedingByLang(languageFields(q))[lang];
}

/** For each edition, the fields (from languageFields) it needs translated; each text is checked once. */
function fieldsNeedingByLang(fields: readonly [FieldName, string | string[]][]): Record<Lang, FieldName[]> {
  const needs: Record<Lang, FieldName[]> = { ru: [], en: [] };
  for (const [name, value] of fields) {
    const checks = (Array.isArray(value) ? value : [value]).map(writtenIn);
    for (const lang of LANGS) if (checks.some((written) => !written[lang])) needs[lang].push(name);
  }
  return needs;
}

/** A translation problem, reported with the file and the question id. */
export interface TranslationProblem {
  kind: 'missing' | 'stale' | 'unknown-id' | 'extra-field';
  file: string;
  line: number;
  id: string;
  lang?: Lang;
  message: string;
}

export interface LoadedTranslations {
  files: { file: string; data: TranslationFile; lineOf: (path: readonly PropertyKey[]) => number }[];
}

/** Parses every translation file (file name + text), failing with file and line on bad YAML. */
export function loadTranslations(files: { file: string; text: string }[]): LoadedTranslations {
  return { files: files.map(({ file, text }) => ({ file, ...parseFile(text, file) })) };
}

function parseFile(text: string, file: string) {
  const { value, lineOf } = parseDataFile(text, file, TranslationFile);
  return { data: value, lineOf };
}

function toContent(markdown: string, file: string, line: number): Content {
  try {
    return markdownToContent(markdown);
  } catch (error) {
    if (error instanceof MarkdownContentError) throw new SourceError(file, line + error.line, error.message);
    throw error;
  }
}

/** A hash-tracked translation entry (of a question, of an outline guide) and where it is written. */
export interface TrackedEntry<B> {
  file: string;
  line: number;
  /** The fingerprint of the source text it translates. */
  hash: string;
  blocks: Partial<Record<Lang, B>>;
  /** Line of a path inside the entry. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

/**
 * The entries of one section of every translation file (`questions`, `guides`), keyed by what
 * `resolve` makes of their names; a name it cannot resolve is reported (unknown-id) and skipped.
 */
export function trackedEntries<S extends 'questions' | 'guides'>(
  loaded: LoadedTranslations,
  section: S,
  resolve: (name: string) => string | undefined,
  unknown: (name: string) => string,
  problems: TranslationProblem[],
): Map<string, TrackedEntry<NonNullable<TranslationFile[S][string]['en']>>> {
  const entries = new Map<string, TrackedEntry<NonNullable<TranslationFile[S][string]['en']>>>();
  for (const { file, data, lineOf } of loaded.files) {
    for (const [name, entry] of Object.entries(data[section]) as [string, TranslationFile[S][string]][]) {
      const line = lineOf([section, name]);
      const target = resolve(name);
      if (target === undefined) {
        problems.push({ kind: 'unknown-id', file, line, id: name, message: unknown(name) });
        continue;
      }
      entries.set(target, {
        file,
        line,
        hash: entry.hash,
        blocks: { ru: entry.ru, en: entry.en } as TrackedEntry<NonNullable<TranslationFile[S][string]['en']>>['blocks'],
        lineOf: (p) => lineOf([section, name, ...p]),
      });
    }
  }
  return entries;
}

/** Whether `entry` translates another text than the source's now (`hash`); a stale entry is reported. */
export function isStale(
  entry: TrackedEntry<unknown> | undefined,
  hash: string | undefined,
  id: string,
  /** What it translates, for the message: `"dropout"`, `the outline guide "x.txt"`. */
  subject: string,
  problems: TranslationProblem[],
): boolean {
  if (entry === undefined || entry.hash === hash) return false;
  problems.push({
    kind: 'stale',
    file: entry.file,
    line: entry.line,
    id,
    message: `translation of ${subject} is stale: source text changed (hash ${entry.hash}, now ${hash})`,
  });
  return true;
}

/**
 * Merges translations into questions (`question.translations[lang]`) and reports problems:
 * a question with fields an edition needs but no translation (missing), a translation whose
 * hash no longer matches its source (stale: ignored, the original is shown), an entry for an
 * unknown id, a translated field the source does not have. Labels translate subtopics;
 * `builtInLabels` come first and translation files may refine them.
 */
export function applyTranslations(
  questions: Question[],
  loaded: LoadedTranslations,
  /** Labels that come with the data rather than a translation file (topics.yaml subtopic names). */
  builtInLabels: Record<string, Partial<Record<Lang, string>>> = {},
): { questions: Question[]; problems: TranslationProblem[]; labels: Map<string, Partial<Record<Lang, string>>> } {
  const problems: TranslationProblem[] = [];
  const labels = new Map<string, Partial<Record<Lang, string>>>(Object.entries(builtInLabels));
  const known = new Map<string, string>();
  for (const q of questions) {
    known.set(q.id, q.id);
    for (const alias of q.aliases ?? []) known.set(alias, q.id);
  }
  for (const { data } of loaded.files) {
    for (const [text, tr] of Object.entries(data.labels)) labels.set(text, { ...labels.get(text), ...tr });
  }
  const entries = trackedEntries(
    loaded,
    'questions',
    (id) => known.get(id),
    (id) => `translation for unknown question id "${id}"`,
    problems,
  );

  const merged = questions.map((q) => {
    const entry = entries.get(q.id);
    // Hashing every field's text is costly; only a question with a translation needs it.
    const hash = entry === undefined ? undefined : sourceHash(q);
    const stale = isStale(entry, hash, q.id, `"${q.id}"`, problems);
    const texts = languageFields(q);
    const available = Object.fromEntries(texts);
    const needing = fieldsNeedingByLang(texts);
    const translations: Partial<Record<Lang, LocalizedFields>> = {};
    for (const lang of LANGS) {
      const block = entry && !stale ? entry.blocks[lang] : undefined;
      const fields: LocalizedFields = {};
      for (const name of Object.keys(block ?? {}) as FieldName[]) {
        if (!(name in available)) {
          problems.push({
            kind: 'extra-field',
            file: entry!.file,
            line: entry!.lineOf([lang, name]),
            id: q.id,
            lang,
            message: `"${q.id}" has no ${name} to translate`,
          });
        }
      }
      if (block) {
        const at = (name: FieldName) => entry!.lineOf([lang, name]);
        if (block.title) fields.title = block.title;
        if (block.prompt) fields.prompt = toContent(block.prompt, entry!.file, at('prompt'));
        for (const part of ANSWER_PARTS) {
          const md = block[part];
          if (md) (fields.answer ??= {})[part] = toContent(md, entry!.file, at(part));
        }
        if (block.followUps) {
          if (block.followUps.length !== q.followUps.length) {
            problems.push({
              kind: 'extra-field',
              file: entry!.file,
              line: at('followUps'),
              id: q.id,
              lang,
              message: `"${q.id}" has ${q.followUps.length} follow-ups, the translation ${block.followUps.length}`,
            });
          } else fields.followUps = block.followUps;
        }
      }
      const subtopic = q.subtopic === undefined ? undefined : labels.get(q.subtopic)?.[lang];
      if (subtopic) fields.subtopic = subtopic;
      const kind = q.kind === undefined ? undefined : labels.get(q.kind)?.[lang];
      if (kind) fields.kind = kind;
      const missing = needing[lang].filter((name) => block?.[name] === undefined);
      if (missing.length > 0) {
        fields.untranslated = missing;
        if (!stale) {
          problems.push({
            kind: 'missing',
            file: entry?.file ?? q.source.file,
            line: entry?.line ?? q.source.lines[0],
            id: q.id,
            lang,
            message: `"${q.id}" needs a ${lang} translation of: ${missing.join(', ')}`,
          });
        }
      }
      if (Object.keys(fields).length > 0) translations[lang] = fields;
    }
    return { ...q, translations };
  });
  problems.push(...missingLabels(questions, labels));
  return { questions: merged, problems, labels };
}

/**
 * Short shared strings each edition shows (section names, question kinds, source titles) that
 * are not written in the edition's language and have no entry under `labels`.
 */
function missingLabels(
  questions: Question[],
  labels: Map<string, Partial<Record<Lang, string>>>,
): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    for (const text of [q.subtopic, q.kind, q.source.title]) {
      if (text === undefined) continue;
      for (const lang of LANGS) {
        const key = `${lang}\u0000${text}`;
        if (seen.has(key) || isWrittenIn(text, lang) || labels.get(text)?.[lang]) continue;
        seen.add(key);
        problems.push({
          kind: 'missing',
          file: q.source.file,
          line: q.source.lines[0],
          id: q.id,
          lang,
          message: `label "${text}" (section, kind or source title) needs a ${lang} translation under labels:`,
        });
      }
    }
  }
  return problems;
}
