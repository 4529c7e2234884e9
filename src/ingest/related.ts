/**
 * Related questions and "Answered in" links, from the questions' concept profiles
 * (src/ingest/concepts/profile.ts), plus manual additions and exclusions from
 * content/relations.yaml.
 *
 * - Two questions are related when their concept vectors (strength × idf, broader concepts at
 *   half weight) have cosine ≥ RELATED_MIN and they share a specific subject: a concept one asks
 *   about and the other names, specific enough (specificity ≥ SUBJECT_MIN).
 * - "Answered in": an unanswered question Q points to an answered question A only when A is
 *   about what Q asks: the same core concepts, the words of Q's title that no concept names,
 *   no comparison or reason Q does not ask for (`answers`); at most two, best first. Precision
 *   first: no link rather than a wrong one.
 * - Relations are symmetric; each question keeps at most `cap` (manual additions may exceed it).
 *
 * Pure: data files come in as text (file name for errors).
 */
import { z } from 'zod';
import { parseDataFile, DataFileError, type DataText } from './data-file.ts';
import { EMPTY_PROFILE, type Profile } from './concepts/profile.ts';
import type { Vocabulary } from './concepts/vocabulary.ts';
import { hasAnswer, type Question } from './model.ts';

/* ---------- content/relations.yaml ---------- */

const Group = z.array(z.string().min(1)).min(2);
const RelationsFile = z
  .object({
    /** Groups of questions that are related to each other (every pair of a group). */
    add: z.array(Group).default([]),
    /** Groups of questions that must never be related to each other. */
    exclude: z.array(Group).default([]),
  })
  .strict();

/** Validated manual relations: pairs of current question ids. */
export interface ManualRelations {
  add: [string, string][];
  exclude: [string, string][];
}

/** Resolves question ids and aliases to current ids; tells retired ids apart. */
export interface IdResolver {
  resolve(id: string): string | undefined;
  isRetired(id: string): boolean;
}

/** An id resolver over the handbook's questions (ids and aliases) and retired ids. */
export function idResolver(questions: readonly Question[], retiredIds: readonly string[] = []): IdResolver {
  const map = new Map<string, string>();
  for (const q of questions) for (const alias of q.aliases ?? []) map.set(alias, q.id);
  for (const q of questions) map.set(q.id, q.id);
  const retired = new Set(retiredIds);
  return { resolve: (id) => map.get(id), isRetired: (id) => retired.has(id) };
}

/** Error text for an id that names no current question. */
export function unknownIdReason(id: string, ids: IdResolver): string {
  return ids.isRetired(id) ? `question id "${id}" was retired` : `unknown question id "${id}"`;
}

/**
 * Parses content/relations.yaml. Every id must name a current question (or one of its
 * aliases); unknown or retired ids are errors with file and line.
 */
export function loadRelations(data: DataText | undefined, ids: IdResolver): ManualRelations {
  const out: ManualRelations = { add: [], exclude: [] };
  if (!data) return out;
  const { value, lineOf } = parseDataFile(data.text, data.file, RelationsFile);
  for (const kind of ['add', 'exclude'] as const) {
    value[kind].forEach((group, g) => {
      const resolved = group.map((id, i) => {
        const current = ids.resolve(id);
        if (!current) throw new DataFileError(data.file, lineOf([kind, g, i]), unknownIdReason(id, ids));
        return current;
      });
      if (new Set(resolved).size !== resolved.length) {
        throw new DataFileError(data.file, lineOf([kind, g]), `the same question is listed twice in one ${kind} group`);
      }
      for (let i = 0; i < resolved.length; i++) {
        for (let j = i + 1; j < resolved.length; j++) out[kind].push([resolved[i], resolved[j]]);
      }
    });
  }
  const excluded = new Set(out.exclude.map(pairKey));
  const clash = out.add.find((pair) => excluded.has(pairKey(pair)));
  if (clash) {
    const g = value.add.findIndex(
      (group) => group.some((id) => ids.resolve(id) === clash[0]) && group.some((id) => ids.resolve(id) === clash[1]),
    );
    throw new DataFileError(
      data.file,
      lineOf(['add', Math.max(g, 0)]),
      `"${clash[0]}" and "${clash[1]}" are both added and excluded`,
    );
  }
  return out;
}

function pairKey([a, b]: readonly [string, string]): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/* ---------- computing the relation ---------- */

/** Least cosine of two related questions. */
export const RELATED_MIN = 0.5;
/** Least cosine of a question and the question it is answered in. */
export const ANSWERED_IN_MIN = 0.3;
/** Least specificity of the shared subject of two related questions. */
export const SUBJECT_MIN = 0.3;
/** Weight of a broader concept, relative to the concept named. */
export const BROADER_WEIGHT = 0.5;
/** Candidate partners looked at per question (through its rarest core concepts first). */
const CANDIDATES = 100;
const ANSWERED_IN_CAP = 2;

export interface RelatedOptions {
  /** Concept profile of each question, by id. */
  profiles: ReadonlyMap<string, Profile>;
  vocabulary: Vocabulary;
  manual?: ManualRelations;
  /** Most related questions per question (default 6). */
  cap?: number;
}

export interface RelatedStats {
  questions: number;
  /** Questions with at least one related question. */
  withRelated: number;
  /** Symmetric pairs. */
  pairs: number;
  unanswered: number;
  /** Unanswered questions with an "Answered in" link. */
  unansweredLinked: number;
}

export interface RelatedResult {
  /** Question id -> related ids, ranked, without its "Answered in" ids. Every question has an entry. */
  related: Map<string, string[]>;
  /** Unanswered question id -> the answered questions that answer it, best first. */
  answeredIn: Map<string, string[]>;
  stats: RelatedStats;
}

/** One-line summary for the ingest report. */
export function formatRelatedStats(stats: RelatedStats): string {
  return (
    `related: ${stats.pairs} pairs, ${stats.withRelated} of ${stats.questions} questions have related questions; ` +
    `${stats.unansweredLinked} of ${stats.unanswered} unanswered questions have an "Answered in" link`
  );
}

type Vector = Map<number, number>;

/** Concept vector of a profile: strength × idf, and each broader concept at BROADER_WEIGHT of it. */
function vectorOf(profile: Profile, vocabulary: Vocabulary, idf: (c: number) => number): { v: Vector; norm: number } {
  const v: Vector = new Map();
  for (const { concept, strength } of profile.hits.values()) {
    v.set(concept, Math.max(v.get(concept) ?? 0, strength * idf(concept)));
    for (const a of vocabulary.concepts[concept].ancestors) {
      v.set(a, Math.max(v.get(a) ?? 0, BROADER_WEIGHT * strength * idf(a)));
    }
  }
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return { v, norm: Math.sqrt(sum) };
}

function cosine(a: { v: Vector; norm: number }, b: { v: Vector; norm: number }): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.v.size <= b.v.size ? [a.v, b.v] : [b.v, a.v];
  let dot = 0;
  for (const [c, x] of small) dot += x * (large.get(c) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Concepts a profile asks about (title, prompt, follow-ups). */
function asked(profile: Profile): Set<number> {
  return new Set([...profile.hits.values()].filter((h) => h.asked).map((h) => h.concept));
}

/**
 * Whether `answer` covers what `question` asks (see the module comment): it asks every core
 * concept of the question, at least half of its own core is the question's, it names every
 * concept of the question's title, it holds at least half of the question's words no concept
 * names, it does not set the subject beside a concept of its kind ("Adam vs SGD" does not
 * answer "What is Adam?"), and it asks for a reason only if the question does ("Why can Adam
 * fail to converge?" does not answer "What is Adam?").
 */
function answers(answer: Profile, answerAsks: Set<number>, question: Profile, vocabulary: Vocabulary): boolean {
  if (question.core.length === 0 || answer.core.length === 0) return false;
  if (!question.core.every((c) => answerAsks.has(c))) return false;
  const shared = answer.core.filter((c) => question.core.includes(c)).length;
  if (shared * 2 < answer.core.length) return false;
  if (!question.titled.every((c) => answer.hits.has(c))) return false;
  const held = (stems: string[]) => stems.filter((s) => hasStem(answer.stems, s)).length * 2 >= stems.length;
  if (!question.unnamed.every(held)) return false;
  const extra = answer.core.filter((c) => !question.core.includes(c));
  if (extra.some((c) => question.core.some((q) => kindred(vocabulary, c, q)))) return false;
  return question.asksReason || !answer.asksReason;
}

/** Whether two concepts share a broader concept (Adam and SGD are both optimizers). */
function kindred(vocabulary: Vocabulary, a: number, b: number): boolean {
  const broader = new Set(vocabulary.concepts[b].ancestors);
  return vocabulary.concepts[a].ancestors.some((c) => broader.has(c));
}

/** Whether a stem is among `stems`, or one is the other's prefix (вероятност / вероятностн). */
function hasStem(stems: ReadonlySet<string>, stem: string): boolean {
  if (stems.has(stem)) return true;
  if (stem.length < 5) return false;
  for (const s of stems) if (s.length >= 5 && (s.startsWith(stem) || stem.startsWith(s))) return true;
  return false;
}

/** Whether two questions share a specific subject: one asks it, the other names it. */
function shareSubject(a: Profile, b: Profile, vocabulary: Vocabulary): boolean {
  const specific = (c: number) => !vocabulary.concepts[c].generic && vocabulary.concepts[c].specificity >= SUBJECT_MIN;
  return a.core.some((c) => specific(c) && b.hits.has(c)) || b.core.some((c) => specific(c) && a.hits.has(c));
}

/** Related questions and "Answered in" links of every question (see the module comment). */
export function computeRelated(questions: readonly Question[], options: RelatedOptions): RelatedResult {
  const { profiles, vocabulary, manual = { add: [], exclude: [] }, cap = 6 } = options;
  const n = questions.length;
  const index = new Map(questions.map((q, i) => [q.id, i]));
  const profile = questions.map((q) => profiles.get(q.id) ?? EMPTY_PROFILE);
  const answered = questions.map(hasAnswer);

  // Postings: the questions that name each concept, in handbook order.
  const postings = new Map<number, number[]>();
  profile.forEach((p, i) => {
    for (const c of p.hits.keys()) {
      const list = postings.get(c) ?? [];
      list.push(i);
      postings.set(c, list);
    }
  });
  const idf = (c: number) => Math.log(1 + n / (postings.get(c)?.length ?? 1));
  const vectors = profile.map((p) => vectorOf(p, vocabulary, idf));
  const asks = profile.map(asked);

  // Candidate pairs: questions that name a core concept of the question, rarest concept first.
  const scored = new Map<string, { a: number; b: number; score: number }>();
  for (let i = 0; i < n; i++) {
    const core = [...profile[i].core].sort((x, y) => postings.get(x)!.length - postings.get(y)!.length);
    let looked = 0;
    for (const c of core) {
      for (const j of postings.get(c)!) {
        if (looked >= CANDIDATES) break;
        if (j === i) continue;
        looked++;
        const [a, b] = i < j ? [i, j] : [j, i];
        const key = `${a} ${b}`;
        if (!scored.has(key)) scored.set(key, { a, b, score: cosine(vectors[a], vectors[b]) });
      }
    }
  }
  const excluded = new Set(manual.exclude.map(pairKey));
  const isExcluded = (a: number, b: number) => excluded.has(pairKey([questions[a].id, questions[b].id]));

  // "Answered in": answered partners that cover what an unanswered question asks.
  const answeredIn = new Map<string, string[]>();
  const inAnswer = new Set<string>();
  const best = [...scored.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const { a, b, score } of best) {
    if (score < ANSWERED_IN_MIN || isExcluded(a, b)) continue;
    for (const [q, ans] of [
      [a, b],
      [b, a],
    ]) {
      if (answered[q] || !answered[ans] || !answers(profile[ans], asks[ans], profile[q], vocabulary)) continue;
      const list = answeredIn.get(questions[q].id) ?? [];
      if (list.length >= ANSWERED_IN_CAP) continue;
      list.push(questions[ans].id);
      answeredIn.set(questions[q].id, list);
      inAnswer.add(`${q} ${ans}`);
    }
  }

  // Related: manual additions first, then the best automatic pairs while both have room.
  const related = questions.map(() => [] as number[]);
  const link = (a: number, b: number) => {
    if (related[a].includes(b)) return;
    related[a].push(b);
    related[b].push(a);
  };
  for (const [x, y] of manual.add) link(index.get(x)!, index.get(y)!);
  let pairs = 0;
  for (const { a, b, score } of best) {
    if (score < RELATED_MIN || isExcluded(a, b) || related[a].includes(b)) continue;
    if (related[a].length >= cap || related[b].length >= cap) continue;
    if (!shareSubject(profile[a], profile[b], vocabulary)) continue;
    link(a, b);
  }
  const out = new Map<string, string[]>();
  related.forEach((list, i) => {
    pairs += list.length;
    const skip = new Set(answeredIn.get(questions[i].id) ?? []);
    out.set(
      questions[i].id,
      list.map((j) => questions[j].id).filter((id) => !skip.has(id)),
    );
  });
  const unanswered = answered.filter((x) => !x).length;
  return {
    related: out,
    answeredIn,
    stats: {
      questions: n,
      withRelated: [...out.values()].filter((l) => l.length > 0).length,
      pairs: pairs / 2,
      unanswered,
      unansweredLinked: answeredIn.size,
    },
  };
}
