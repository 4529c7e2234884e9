/**
 * The contract of the data files the emitter writes for the site (`src/content/docs/_data/*.json`):
 * one zod schema and one TypeScript type per file. The emitter (src/ingest/emit/) writes values of
 * these types; the site side (src/data/handbook.ts, the endpoints, the integrations,
 * astro.config.mjs) parses what it reads with {@link parseData}, so a file written by another
 * version of the emitter fails with the file, the place and the fix instead of rendering
 * nonsense. Client scripts (src/scripts/) import the types only (no zod in the browser).
 *
 * Objects are strict: a key the contract does not name is an error too.
 */
import { z } from 'zod';
import { FormatId, Lang, Level } from '../ingest/model.ts';

/** A value per emitted edition. */
export type PerLang<T> = Partial<Record<Lang, T>>;
const perLang = <T extends z.ZodType>(value: T) => z.partialRecord(Lang, value);

/* ---------- questions.json: the question index (published as /questions.json) ---------- */

export const QuestionIndexEntry = z.strictObject({
  id: z.string(),
  topic: z.string(),
  /** Title per emitted language, as that edition shows it (the original where a translation is missing). */
  title: perLang(z.string()),
  /** Language the question was written in (`title[lang]` is the original title). */
  lang: Lang,
  /** Page URL with `#id`, per emitted language. */
  url: perLang(z.string()),
  /** Permanent link per emitted language (`/q/<id>/`, `/en/q/<id>/`): redirects to `url`. */
  permalink: perLang(z.string()),
  /** Earlier ids of the question; `/q/<alias>/` redirects here too. */
  aliases: z.array(z.string()).optional(),
  /** Related question ids, ranked (src/ingest/related.ts). */
  related: z.array(z.string()).optional(),
  source: z.strictObject({
    file: z.string(),
    format: FormatId,
    title: z.string().optional(),
    lines: z.tuple([z.number(), z.number()]),
  }),
  levels: z.array(Level),
  minutes: z.number().optional(),
  /** `minutes` is an estimate, not the source's (src/ingest/levels.ts). */
  minutesEstimated: z.literal(true).optional(),
  hasAnswer: z.boolean(),
  /** Who wrote the answer: the source file or the handbook (content/answers/). */
  answerBy: z.enum(['source', 'handbook']).optional(),
});
export type QuestionIndexEntry = z.infer<typeof QuestionIndexEntry>;
export const QuestionIndex = z.array(QuestionIndexEntry);

/* ---------- sidebar.json: the Starlight sidebar (read by astro.config.mjs) ---------- */

/** A Starlight sidebar item (the subset of its config schema the emitter writes). */
export type SidebarItem =
  | { slug: string }
  | { label: string; translations: Record<string, string>; collapsed?: boolean; items: SidebarItem[] }
  | { label: string; translations: Record<string, string>; link: string };
export const SidebarItem: z.ZodType<SidebarItem> = z.lazy(() =>
  z.union([
    z.strictObject({ slug: z.string() }),
    z.strictObject({
      label: z.string(),
      translations: z.record(z.string(), z.string()),
      collapsed: z.boolean().optional(),
      items: z.array(SidebarItem),
    }),
    z.strictObject({ label: z.string(), translations: z.record(z.string(), z.string()), link: z.string() }),
  ]),
);
export const Sidebar = z.array(SidebarItem);

/* ---------- links.json: permalinks, related questions, the question index and plan pages ---------- */

export const LinkEntry = z.strictObject({
  id: z.string(),
  /** Earlier ids; their permalinks redirect here too. */
  aliases: z.array(z.string()).optional(),
  topic: z.string(),
  title: perLang(z.string()),
  /** Page URL with `#id`. */
  url: perLang(z.string()),
  permalink: perLang(z.string()),
  levels: z.array(Level),
  /** Source file name (key of `sources`). */
  source: z.string(),
  minutes: z.number().optional(),
  /** `minutes` is an estimate (src/ingest/levels.ts). */
  minutesEstimated: z.literal(true).optional(),
  /** Follow-up questions per language (the mock-interview page reveals them one by one). */
  followUps: perLang(z.array(z.string())).optional(),
  /** The expected answer in short, plain text (custom plan sheets), for answered questions. */
  expected: perLang(z.string()).optional(),
  answered: z.boolean(),
  /** Related question ids, ranked. */
  related: z.array(z.string()),
  /** Answered questions whose question covers this one (src/ingest/related.ts), best first. */
  answeredIn: z.array(z.string()).optional(),
});
export type LinkEntry = z.infer<typeof LinkEntry>;

export const LinksData = z.strictObject({
  langs: z.array(Lang),
  topics: z.array(z.strictObject({ id: z.string(), name: perLang(z.string()) })),
  sources: z.array(z.strictObject({ file: z.string(), title: perLang(z.string()) })),
  questions: z.array(LinkEntry),
  /** Retired ids: their permalinks say the question was removed. */
  retired: z.array(z.string()),
});
export type LinksData = z.infer<typeof LinksData>;

/* ---------- plans.json: the prep plans with what their pages show that links.json lacks ---------- */

/** What an outline says about a level, in one edition's language. */
export const LevelGuideText = z.strictObject({
  heading: z.string().optional(),
  experience: z.string().optional(),
  expectations: z.array(z.string()),
  criteria: z.array(z.string()),
  redFlags: z.array(z.string()),
  recommendations: z.array(z.string()),
  /** The outline's header notes ("Структура"). */
  notes: z.array(z.strictObject({ heading: z.string(), lines: z.array(z.string()) })),
  /** The edition shows the outline's own texts: their translation is missing or stale. */
  untranslated: z.literal(true).optional(),
});
export type LevelGuideText = z.infer<typeof LevelGuideText>;

const Range = z.tuple([z.number(), z.number()]);

/** A level plan: the level, its question count and time range, and how the plan's minutes compare. */
export const PlanLevel = z.strictObject({
  level: Level,
  source: z.string(),
  questionCount: Range.optional(),
  minutes: Range.optional(),
  /** The plan's minutes against the level's time range. */
  fit: z.enum(['under', 'within', 'over']).optional(),
  guide: perLang(LevelGuideText),
});
export type PlanLevel = z.infer<typeof PlanLevel>;

export const PlanDataItem = z.strictObject({
  id: z.string(),
  /** The question's follow-ups (every item that has some: the interview sheet lists them all). */
  followUps: perLang(z.array(z.string())).optional(),
  /** The plan page shows the follow-ups (`followUps: true` in the plan file). */
  showFollowUps: z.literal(true).optional(),
  /** The expected answer in short, plain text (the short answer, else the start of the analysis). */
  expected: perLang(z.string()).optional(),
});
export type PlanDataItem = z.infer<typeof PlanDataItem>;

export const PlanData = z.strictObject({
  id: z.string(),
  title: perLang(z.string()),
  description: perLang(z.string()),
  minutes: z.number().optional(),
  totalMinutes: z.number(),
  /** Some of the plan's minutes are estimates. */
  estimated: z.boolean(),
  count: z.number(),
  level: PlanLevel.optional(),
  sections: z.array(z.strictObject({ title: perLang(z.string()), items: z.array(PlanDataItem) })),
});
export type PlanData = z.infer<typeof PlanData>;
export const PlansData = z.array(PlanData);

/* ---------- search.json: one Pagefind record per question and edition ---------- */

export const SearchRecord = z.strictObject({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  /** Visible text of the question below its title (prompt, follow-ups), without math. */
  question: z.string(),
  /** Visible text of its answer, without math. */
  answer: z.string(),
  /** Names and stems of the concepts the question is about (its core and title concepts). */
  keywords: z.string(),
  /** Names and stems of the other concepts it names. */
  terms: z.string(),
});
export type SearchRecord = z.infer<typeof SearchRecord>;
export const SearchData = z.strictObject({
  /** Records by edition. */
  editions: perLang(z.array(SearchRecord)),
  /** Words that phrase a question without naming its subject: the dialog drops them from queries. */
  questionWords: z.array(z.string()),
});
export type SearchData = z.infer<typeof SearchData>;

/* ---------- flashcards.json: the cards of every edition (published as decks) ---------- */

export const Flashcard = z.strictObject({
  id: z.string(),
  /** Front side: title (and prompt when it differs), HTML. */
  front: z.string(),
  /** Back side: answer parts with labels and follow-ups, HTML. */
  back: z.string(),
  /** Plain-text versions of both sides (CSV). */
  frontText: z.string(),
  backText: z.string(),
  /** Site-relative permalink of the question (`/q/<id>/`, `/en/q/<id>/`). */
  path: z.string(),
  /** Anki tags: topic id, then levels. */
  tags: z.array(z.string()),
  /** Anki note GUID: importing a newer deck updates the note instead of adding a copy. */
  guid: z.string(),
});
export type Flashcard = z.infer<typeof Flashcard>;
export const FlashcardsData = perLang(z.array(Flashcard));
export type FlashcardsData = z.infer<typeof FlashcardsData>;

/* ---------- /plans/pool.json: links.json as the mock-interview and custom plan pages draw from it ---------- */

/** One question of /plans/pool.json (src/pages/plans/pool.json.ts builds it; client scripts read it). */
export type PoolEntry = Pick<
  LinkEntry,
  'id' | 'aliases' | 'title' | 'permalink' | 'topic' | 'levels' | 'followUps' | 'expected' | 'answered'
> & {
  minutes: number;
  /** `minutes` is an estimate. */
  estimated?: true;
};

/* ---------- the files ---------- */

/** Every data file the emitter writes, by name, with its schema. */
export const DATA_FILES = {
  'questions.json': QuestionIndex,
  'sidebar.json': Sidebar,
  'links.json': LinksData,
  'plans.json': PlansData,
  'search.json': SearchData,
  'flashcards.json': FlashcardsData,
} as const;
export type DataFileName = keyof typeof DATA_FILES;
/** The value of a data file. */
export type DataOf<N extends DataFileName> = z.infer<(typeof DATA_FILES)[N]>;

/** A data file that is not JSON or does not match the contract (written by another version). */
export class StaleDataError extends Error {
  override name = 'StaleDataError';
}

/**
 * The value of a data file's text, checked against the contract.
 * @param where The file as the message names it (default: `src/content/docs/_data/<name>`).
 * @throws StaleDataError naming the file, the first mismatch and `npm run ingest` as the fix.
 */
export function parseData<N extends DataFileName>(
  name: N,
  text: string,
  where = `src/content/docs/_data/${name}`,
): DataOf<N> {
  const fix = 'run `npm run ingest` to write it again';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StaleDataError(`${where} is not JSON (${(error as Error).message}); ${fix}`);
  }
  const checked = DATA_FILES[name].safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new StaleDataError(
      `${where} does not match what this version of the site reads (${issue.message}${at}); ${fix}`,
    );
  }
  return checked.data as DataOf<N>;
}
