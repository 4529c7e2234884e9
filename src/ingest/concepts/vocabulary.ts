/**
 * The concept vocabulary (content/concepts.yaml): ML concepts with Russian and English names,
 * synonyms, case-sensitive abbreviations, the topic and page section they belong to, and broader
 * concepts. Topic classification, page sections, search keywords, related questions and
 * "Answered in" all read it.
 */
import { z } from 'zod';
import { DataFileError, parseDataFile } from '../data-file.ts';
import { eng, rus } from 'stopword';
import { Id } from '../model.ts';
import { words } from './words.ts';

export const ConceptEntry = z
  .object({
    id: Id,
    topic: Id,
    section: Id,
    en: z.string().min(1),
    ru: z.string().min(1),
    /** Other surface forms in either language; matched by stems, word by word. */
    synonyms: z.array(z.string().min(1)).default([]),
    /** Exact, case-sensitive tokens ("BN", "mAP"). */
    abbr: z.array(z.string().regex(/^\S+$/)).default([]),
    /** Ids of more general concepts. */
    broader: z.array(Id).default([]),
    /** Very general words (model, training): they count, but weakly. */
    generic: z.boolean().default(false),
  })
  .strict();
export type ConceptEntry = z.infer<typeof ConceptEntry>;

const ConceptsFile = z
  .object({
    concepts: z.array(ConceptEntry).min(1),
    /** Words that phrase a question without naming its subject ("объясните", "in simple terms"). */
    phrasing: z.array(z.string().min(1)).default([]),
    /** Words that ask for a reason ("почему", "why"): such a question is about one property of its subject. */
    reasons: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface Concept extends ConceptEntry {
  /** Position in the file. */
  index: number;
  /** Concept indexes of every broader concept, transitively, nearest first. */
  ancestors: number[];
  /** 1 for a leaf; lower for concepts that many others are narrower than. */
  specificity: number;
}

/** A surface form as a sequence of stems, and the concept it names. */
export interface Form {
  stems: string[];
  concept: number;
}

export interface Vocabulary {
  concepts: Concept[];
  byId: Map<string, Concept>;
  /** Forms by the stem of their first word, longest first. */
  forms: Map<string, Form[]>;
  /** Case-sensitive abbreviations → concept index. */
  abbreviations: Map<string, number>;
  /** Stems of words that carry no subject: the `stopword` lists, the file's `phrasing` and `reasons`. */
  phrasing: Set<string>;
  /** Stems of the file's `reasons`. */
  reasons: Set<string>;
  /** The file's `phrasing` and `reasons` words, folded, for the search dialog's stop words. */
  questionWords: string[];
}

/** A vocabulary with no concepts (a handbook built without content/concepts.yaml). */
export function emptyVocabulary(): Vocabulary {
  const none = new Set<string>();
  return {
    concepts: [],
    byId: new Map(),
    forms: new Map(),
    abbreviations: new Map(),
    phrasing: none,
    reasons: none,
    questionWords: [],
  };
}

/** The sections a topic has, by topic id (from topics.yaml). */
export type TopicSections = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Reads and checks concepts.yaml: unique ids, known topics and sections, known and acyclic
 * broader concepts, and no surface form claimed by two concepts. Errors name file and line.
 */
export function loadVocabulary(text: string, file: string, topics: TopicSections): Vocabulary {
  const { value, lineOf } = parseDataFile(text, file, ConceptsFile);
  const fail = (i: number, key: string, message: string): never => {
    throw new DataFileError(file, lineOf(['concepts', i, key]), message);
  };
  const byId = new Map<string, Concept>();
  const concepts: Concept[] = value.concepts.map((entry, index) => {
    if (byId.has(entry.id)) fail(index, 'id', `duplicate concept id "${entry.id}"`);
    const sections = topics.get(entry.topic);
    if (!sections) fail(index, 'topic', `concept "${entry.id}": unknown topic "${entry.topic}"`);
    if (!sections!.has(entry.section)) {
      fail(index, 'section', `concept "${entry.id}": topic "${entry.topic}" has no section "${entry.section}"`);
    }
    const concept = { ...entry, index, ancestors: [], specificity: 1 };
    byId.set(entry.id, concept);
    return concept;
  });
  concepts.forEach((c, i) => {
    for (const id of c.broader) {
      if (!byId.has(id)) fail(i, 'broader', `concept "${c.id}": unknown broader concept "${id}"`);
    }
  });
  concepts.forEach((c, i) => {
    c.ancestors = ancestorsOf(c, byId, () => fail(i, 'broader', `concept "${c.id}": broader concepts form a cycle`));
  });
  const narrower = new Array<number>(concepts.length).fill(0);
  for (const c of concepts) for (const a of c.ancestors) narrower[a]++;
  concepts.forEach((c, i) => (c.specificity = 1 / (1 + Math.log(1 + narrower[i]))));

  const forms = new Map<string, Form[]>();
  const claimed = new Map<string, number>();
  const abbreviations = new Map<string, number>();
  concepts.forEach((c, i) => {
    for (const name of [c.en, c.ru, ...c.synonyms]) {
      const stems = words(name).map((w) => w.stem);
      if (stems.length === 0) fail(i, 'synonyms', `concept "${c.id}": form "${name}" has no words`);
      const key = stems.join(' ');
      const owner = claimed.get(key);
      if (owner !== undefined && owner !== i) {
        fail(i, 'synonyms', `concept "${c.id}": form "${name}" already names concept "${concepts[owner].id}"`);
      }
      if (owner === i) continue;
      claimed.set(key, i);
      const list = forms.get(stems[0]) ?? [];
      list.push({ stems, concept: i });
      forms.set(stems[0], list);
    }
    for (const abbr of c.abbr) {
      const owner = abbreviations.get(abbr);
      if (owner !== undefined && owner !== i) {
        fail(i, 'abbr', `concept "${c.id}": abbreviation "${abbr}" already names concept "${concepts[owner].id}"`);
      }
      abbreviations.set(abbr, i);
    }
  });
  for (const list of forms.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const stemsOf = (list: readonly string[]) => new Set(list.flatMap((text) => words(text).map((w) => w.stem)));
  return {
    concepts,
    byId,
    forms,
    abbreviations,
    phrasing: stemsOf([...eng, ...rus, ...value.phrasing, ...value.reasons]),
    reasons: stemsOf(value.reasons),
    questionWords: [
      ...new Set([...value.phrasing, ...value.reasons].flatMap((t) => words(t).map((w) => w.folded))),
    ].sort(),
  };
}

/** Broader concepts of `c`, transitively, nearest first; `cycle` is called on a cycle. */
function ancestorsOf(c: Concept, byId: Map<string, Concept>, cycle: () => never): number[] {
  const out: number[] = [];
  const seen = new Set<string>([c.id]);
  let frontier = c.broader;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      if (id === c.id) cycle();
      if (seen.has(id)) continue;
      seen.add(id);
      const broader = byId.get(id)!;
      out.push(broader.index);
      next.push(...broader.broader);
    }
    frontier = next;
  }
  return out;
}
