/**
 * Related questions: pairs of questions that share concepts (glossary terms, tags), plus manual
 * additions and exclusions from content/relations.yaml.
 *
 * - Relations are symmetric: when A lists B, B lists A.
 * - Each question has at most `cap` related questions (manual additions may exceed it).
 * - Pairs that let an unanswered question point to an answered one are chosen first, so as many
 *   unanswered questions as possible get an "Answered in …" link.
 * - Order: for an unanswered question, answered related questions first; then manual ones; then
 *   by shared-concept score (rarer shared terms weigh more).
 *
 * Pure: data files come in as text (file name for errors).
 */
import { z } from 'zod';
import { parseDataFile, DataFileError } from './data-file.ts';
import { findQuestionTerms, type Glossary, type QuestionTerms } from './glossary.ts';
import { hasAnswer, type Question } from './model.ts';

/** A data file's name (for errors) and text. */
interface DataText {
  file: string;
  text: string;
}

/* ---------- concepts ---------- */

/**
 * A question's concepts with weights: glossary terms (matched by src/ingest/glossary.ts: stems
 * at word starts, short alternative forms as whole words) and tags. A term in the question
 * itself (title, prompt, follow-ups, any language) weighs 1; a term only its answer mentions
 * weighs 0.5, so an answer that explains a concept can answer another question about it.
 * Tags that are glossary terms (the pipeline adds them) are not counted twice.
 */
export type Concepts = Map<string, number>;

/**
 * Concept weights of every question (id -> concept -> weight).
 * @param found The questions' glossary terms when already matched (glossary.ts findQuestionTerms).
 */
export function questionConcepts(
  questions: readonly Question[],
  glossary?: Pick<Glossary, 'terms'>,
  found?: ReadonlyMap<string, QuestionTerms>,
): Map<string, Concepts> {
  const terms = glossary?.terms ?? [];
  const matched = glossary ? (found ?? findQuestionTerms(questions, glossary)) : undefined;
  const termNames = new Set(terms.map((t) => t.en));
  return new Map(
    questions.map((q) => {
      const concepts: Concepts = new Map();
      const where = matched?.get(q.id);
      if (where) {
        for (const i of where.asked) concepts.set(`term:${terms[i].en}`, 1);
        for (const i of where.answered) if (!concepts.has(`term:${terms[i].en}`)) concepts.set(`term:${terms[i].en}`, 0.5);
      }
      for (const tag of q.tags) if (!termNames.has(tag)) concepts.set(`tag:${tag}`, 1);
      return [q.id, concepts];
    }),
  );
}

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
    const g = value.add.findIndex((group) => group.some((id) => ids.resolve(id) === clash[0]) && group.some((id) => ids.resolve(id) === clash[1]));
    throw new DataFileError(data.file, lineOf(['add', Math.max(g, 0)]), `"${clash[0]}" and "${clash[1]}" are both added and excluded`);
  }
  return out;
}

function pairKey([a, b]: readonly [string, string]): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/* ---------- computing the relation ---------- */

export interface RelatedOptions {
  /** Concepts of each question (see questionConcepts); without them only manual relations. */
  concepts?: ReadonlyMap<string, Concepts>;
  manual?: ManualRelations;
  /** Most related questions per question (default 6). */
  cap?: number;
  /** Least shared-concept score for an automatic relation (default 2: one rare shared term, or a rare term one answer explains). */
  minScore?: number;
}

export interface RelatedStats {
  questions: number;
  /** Questions with at least one related question. */
  withRelated: number;
  /** Symmetric pairs. */
  pairs: number;
  unanswered: number;
  /** Unanswered questions with at least one related answered question. */
  unansweredLinked: number;
}

export interface RelatedResult {
  /** Question id -> related ids, ranked. Every question has an entry (possibly empty). */
  related: Map<string, string[]>;
  stats: RelatedStats;
}

/** One-line summary for the ingest report. */
export function formatRelatedStats(stats: RelatedStats): string {
  return (
    `related: ${stats.pairs} pairs, ${stats.withRelated} of ${stats.questions} questions have related questions; ` +
    `${stats.unansweredLinked} of ${stats.unanswered} unanswered questions link to an answered one`
  );
}

/** Concepts shared by at most this many questions relate every pair of them (see computeRelated). */
const ALL_PAIRS = 64;
/** In a more common concept, how many following questions each one is paired with, */
const NEIGHBOURS = 4;
/** and how many following questions of the other kind (answered or not). */
const BRIDGES = 16;

/** With sampled concepts, the candidate pairs each question keeps (its best ones). */
const KEEP = 4 * 6;

/**
 * Drops (in place) the candidate pairs that are among the `keep` best of neither question
 * (ties: the lower partner index); those are very unlikely to be chosen with a cap of 6.
 */
function keepBest(candidates: { a: number; b: number; score: number }[], n: number, keep: number): void {
  const byQuestion: number[][] = Array.from({ length: n }, () => []);
  candidates.forEach((p, k) => {
    byQuestion[p.a].push(k);
    byQuestion[p.b].push(k);
  });
  const kept = new Uint8Array(candidates.length);
  byQuestion.forEach((list, i) => {
    if (list.length > keep) {
      const other = (k: number) => (candidates[k].a === i ? candidates[k].b : candidates[k].a);
      list.sort((x, y) => candidates[y].score - candidates[x].score || other(x) - other(y));
    }
    for (let k = 0; k < list.length && k < keep; k++) kept[list[k]] = 1;
  });
  let out = 0;
  for (let k = 0; k < candidates.length; k++) if (kept[k]) candidates[out++] = candidates[k];
  candidates.length = out;
}

/** Lexicographic order of two concept lists, ignoring concept `skip`. */
function compareSignatures(x: readonly number[], y: readonly number[], skip: number): number {
  let s = 0;
  let t = 0;
  for (;;) {
    if (x[s] === skip) s++;
    if (y[t] === skip) t++;
    if (s >= x.length || t >= y.length) return (x.length - s) - (y.length - t);
    if (x[s] !== y[t]) return x[s] - y[t];
    s++;
    t++;
  }
}

/**
 * Computes related questions (see the module comment).
 * @param questions Handbook questions (ids unique).
 */
export function computeRelated(questions: readonly Question[], options: RelatedOptions = {}): RelatedResult {
  const cap = options.cap ?? 6;
  const minScore = options.minScore ?? 2;
  const n = questions.length;
  const index = new Map(questions.map((q, i) => [q.id, i]));
  const answered = questions.map((q) => hasAnswer(q));

  // Inverted index of concepts; very common ones (over 10% of questions, at least 12) say little.
  const postings = new Map<string, { i: number; w: number }[]>();
  questions.forEach((q, i) => {
    for (const [concept, w] of options.concepts?.get(q.id) ?? []) {
      const list = postings.get(concept);
      if (list) list.push({ i, w });
      else postings.set(concept, [{ i, w }]);
    }
  });
  const maxDf = Math.max(12, Math.ceil(n * 0.1));
  // The concepts that count, numbered in first-seen order; each question's as parallel arrays
  // sorted by that number, so a pair's score sums its shared concepts in one fixed order.
  const idfs: number[] = [];
  const lists: { i: number; w: number }[][] = [];
  const own = questions.map(() => ({ c: [] as number[], w: [] as number[] }));
  for (const list of postings.values()) {
    let df = 0;
    for (const p of list) df += p.w;
    if (list.length < 2 || df > maxDf) continue;
    const c = idfs.length;
    idfs.push(Math.log(n / df));
    lists.push(list);
    for (const p of list) {
      own[p.i].c.push(c);
      own[p.i].w.push(p.w);
    }
  }
  /** Shared-concept score of questions a < b: rarer shared concepts (higher idf) weigh more. */
  const pairScore = (a: number, b: number): number => {
    const x = own[a];
    const y = own[b];
    let score = 0;
    for (let s = 0, t = 0; s < x.c.length && t < y.c.length; ) {
      if (x.c[s] < y.c[t]) s++;
      else if (x.c[s] > y.c[t]) t++;
      else score += idfs[x.c[s]] * x.w[s++] * y.w[t++];
    }
    return score;
  };

  // Candidate pairs (partners[a] holds b > a). A concept shared by at most ALL_PAIRS questions
  // pairs all of them. A more common one would make this quadratic (every pair of thousands
  // of questions) while each question keeps only `cap` relations: its questions are sorted by
  // their other concepts, rarest first, and each is paired with its NEIGHBOURS next ones, so
  // questions that also share rarer concepts (the best-scoring pairs) meet. Every candidate
  // is then scored on all its shared concepts.
  const partners: number[][] = questions.map(() => []);
  const pair = (x: number, y: number) => (x < y ? partners[x].push(y) : partners[y].push(x));
  const signature = own.map(({ c }) => [...c].sort((u, v) => idfs[v] - idfs[u] || u - v));
  let sampled = false;
  lists.forEach((list, c) => {
    if (list.length <= ALL_PAIRS) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pair(list[x].i, list[y].i);
      return;
    }
    sampled = true;
    const order = list.map((p) => p.i).sort((u, v) => compareSignatures(signature[u], signature[v], c) || u - v);
    // Each question meets the NEIGHBOURS questions before it, and also the BRIDGES answered
    // (or unanswered) ones before it when it is not (or is) answered itself, so unanswered
    // questions find answered partners.
    const recent: number[] = [];
    const recentBy: [number[], number[]] = [[], []];
    for (const x of order) {
      for (const y of recent) pair(y, x);
      for (const y of recentBy[answered[x] ? 0 : 1]) pair(y, x);
      const same = recentBy[answered[x] ? 1 : 0];
      recent.push(x);
      same.push(x);
      if (recent.length > NEIGHBOURS) recent.shift();
      if (same.length > BRIDGES) same.shift();
    }
  });

  const excluded = new Set((options.manual?.exclude ?? []).map(pairKey));
  const isExcluded = (a: number, b: number) => excluded.size > 0 && excluded.has(pairKey([questions[a].id, questions[b].id]));
  const candidates: { a: number; b: number; score: number }[] = [];
  // Scores a's partners against a's concepts laid out densely (shared concepts are summed in
  // concept order, as pairScore does); `seen` drops pairs found through several concepts.
  const dense = new Float64Array(idfs.length);
  const seen = new Int32Array(n).fill(-1);
  partners.forEach((list, a) => {
    const x = own[a];
    for (let s = 0; s < x.c.length; s++) dense[x.c[s]] = x.w[s];
    for (const b of list) {
      if (seen[b] === a) continue;
      seen[b] = a;
      const y = own[b];
      let score = 0;
      for (let t = 0; t < y.c.length; t++) {
        const wa = dense[y.c[t]];
        if (wa !== 0) score += idfs[y.c[t]] * wa * y.w[t];
      }
      if (score >= minScore && !isExcluded(a, b)) candidates.push({ a, b, score });
    }
    for (let s = 0; s < x.c.length; s++) dense[x.c[s]] = 0;
  });
  if (sampled) keepBest(candidates, n, KEEP);
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const links: Map<number, number>[] = questions.map(() => new Map());
  const manual = new Set<string>();
  const link = (a: number, b: number, score: number) => {
    links[a].set(b, score);
    links[b].set(a, score);
  };
  const free = (i: number) => links[i].size < cap;

  // 1. Manual additions, always.
  for (const [x, y] of options.manual?.add ?? []) {
    const a = index.get(x)!;
    const b = index.get(y)!;
    manual.add(pairKey([x, y]));
    link(a, b, pairScore(Math.min(a, b), Math.max(a, b)));
  }
  // 2. For each unanswered question, its best answered partner with room (best pairs first).
  const bridged = new Set<number>();
  for (let i = 0; i < n; i++) if (!answered[i] && [...links[i].keys()].some((j) => answered[j])) bridged.add(i);
  for (const { a, b, score } of candidates) {
    if (answered[a] === answered[b]) continue;
    const u = answered[a] ? b : a;
    if (bridged.has(u) || links[a].has(b) || !free(a) || !free(b)) continue;
    link(a, b, score);
    bridged.add(u);
  }
  // 3. Everything else by score.
  for (const { a, b, score } of candidates) {
    if (!links[a].has(b) && free(a) && free(b)) link(a, b, score);
  }

  const related = new Map<string, string[]>();
  questions.forEach((q, i) => {
    const ranked = [...links[i]].sort(([x, sx], [y, sy]) => {
      if (!answered[i] && answered[x] !== answered[y]) return answered[x] ? -1 : 1;
      const mx = manual.size > 0 && manual.has(pairKey([q.id, questions[x].id])) ? 1 : 0;
      const my = manual.size > 0 && manual.has(pairKey([q.id, questions[y].id])) ? 1 : 0;
      return my - mx || sy - sx || x - y;
    });
    related.set(q.id, ranked.map(([j]) => questions[j].id));
  });

  const unanswered = questions.filter((_, i) => !answered[i]).length;
  const unansweredLinked = questions.filter((_, i) => !answered[i] && [...links[i].keys()].some((j) => answered[j])).length;
  return {
    related,
    stats: {
      questions: n,
      withRelated: links.filter((l) => l.size > 0).length,
      pairs: links.reduce((sum, l) => sum + l.size, 0) / 2,
      unanswered,
      unansweredLinked,
    },
  };
}
