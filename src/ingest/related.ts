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
  const termKeys = terms.map((t) => `term:${t.en}`);
  return new Map(
    questions.map((q) => {
      const concepts: Concepts = new Map();
      const where = matched?.get(q.id);
      if (where) {
        for (const i of where.asked) concepts.set(termKeys[i], 1);
        for (const i of where.answered) if (!concepts.has(termKeys[i])) concepts.set(termKeys[i], 0.5);
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

/** Candidate pairs a < b with their shared-concept scores, as parallel arrays (the first `size`). */
interface Candidates {
  a: Int32Array;
  b: Int32Array;
  score: Float64Array;
  size: number;
}

/**
 * The candidate pairs (indexes into `c`) that are among the `keep` best of either question
 * (best: higher score, ties: the lower partner index); the others are very unlikely to be
 * chosen with a cap of 6. Each question's best are kept in a small sorted buffer, so no
 * question's whole candidate list is ever sorted.
 */
function keepBest(c: Candidates, n: number, keep: number): number[] {
  // Question i's best so far, best first: candidate, its score and the partner.
  const top = new Int32Array(n * keep);
  const topScore = new Float64Array(n * keep);
  const topOther = new Int32Array(n * keep);
  const size = new Int32Array(n);
  const offer = (i: number, k: number, score: number, other: number) => {
    const base = i * keep;
    let m = size[i];
    if (m === keep) {
      const w = base + m - 1;
      if (!(score > topScore[w] || (score === topScore[w] && other < topOther[w]))) return;
      m--;
    }
    let j = base + m;
    for (; j > base && (score > topScore[j - 1] || (score === topScore[j - 1] && other < topOther[j - 1])); j--) {
      top[j] = top[j - 1];
      topScore[j] = topScore[j - 1];
      topOther[j] = topOther[j - 1];
    }
    top[j] = k;
    topScore[j] = score;
    topOther[j] = other;
    size[i] = m + 1;
  };
  for (let k = 0; k < c.size; k++) {
    offer(c.a[k], k, c.score[k], c.b[k]);
    offer(c.b[k], k, c.score[k], c.a[k]);
  }
  const kept = new Uint8Array(c.size);
  for (let i = 0; i < n; i++) for (let j = 0; j < size[i]; j++) kept[top[i * keep + j]] = 1;
  const out: number[] = [];
  for (let k = 0; k < kept.length; k++) if (kept[k]) out.push(k);
  return out;
}

/**
 * Sorts candidate indexes best pair first: higher score, then lower a, then lower b. Scores are
 * replaced by their rank among the distinct scores, so each pair becomes one integer key
 * (rank, a, b) and a plain numeric sort orders them (no comparator call per comparison); when
 * the key would not fit a double exactly, it falls back to the comparator.
 */
function rankCandidates(
  c: Candidates,
  indexes: readonly number[],
  n: number,
): { a: Int32Array; b: Int32Array; score: Float64Array } {
  const m = indexes.length;
  const out = { a: new Int32Array(m), b: new Int32Array(m), score: new Float64Array(m) };
  const scores = new Float64Array(m);
  for (let j = 0; j < m; j++) scores[j] = c.score[indexes[j]];
  scores.sort();
  let distinct = 0;
  for (let j = 0; j < m; j++) if (j === 0 || scores[j] !== scores[distinct - 1]) scores[distinct++] = scores[j];
  if (distinct * n * n > Number.MAX_SAFE_INTEGER) {
    const sorted = [...indexes].sort((x, y) => c.score[y] - c.score[x] || c.a[x] - c.a[y] || c.b[x] - c.b[y]);
    sorted.forEach((k, j) => {
      out.a[j] = c.a[k];
      out.b[j] = c.b[k];
      out.score[j] = c.score[k];
    });
    return out;
  }
  const keys = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const k = indexes[j];
    const score = c.score[k];
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scores[mid] < score) lo = mid + 1;
      else hi = mid;
    }
    keys[j] = (distinct - 1 - lo) * n * n + c.a[k] * n + c.b[k];
  }
  keys.sort();
  for (let j = 0; j < m; j++) {
    const rank = Math.floor(keys[j] / (n * n));
    const pair = keys[j] - rank * n * n;
    out.a[j] = Math.floor(pair / n);
    out.b[j] = pair - out.a[j] * n;
    out.score[j] = scores[distinct - 1 - rank];
  }
  return out;
}

/**
 * Unordered question pairs collected in flat growing arrays, then grouped by the smaller index
 * (`other` holds the larger ones of question a's pairs at start[a] .. start[a + 1] - 1, in the
 * order they were added). Avoids one growing array per question; `expected` is the capacity
 * to start with.
 */
function pairLists(n: number, expected: number) {
  let lo = new Int32Array(Math.max(expected, 16));
  let hi = new Int32Array(Math.max(expected, 16));
  let size = 0;
  return {
    add(x: number, y: number): void {
      if (size === lo.length) {
        const grow = (old: Int32Array) => {
          const next = new Int32Array(old.length * 2);
          next.set(old);
          return next;
        };
        lo = grow(lo);
        hi = grow(hi);
      }
      lo[size] = x < y ? x : y;
      hi[size] = x < y ? y : x;
      size++;
    },
    grouped(): { start: Int32Array; other: Int32Array } {
      const start = new Int32Array(n + 1);
      for (let k = 0; k < size; k++) start[lo[k] + 1]++;
      for (let i = 0; i < n; i++) start[i + 1] += start[i];
      const fill = start.slice(0, n);
      const other = new Int32Array(size);
      for (let k = 0; k < size; k++) other[fill[lo[k]]++] = hi[k];
      return { start, other };
    },
  };
}

/** Lexicographic order of two concept lists, ignoring concept `skip`. */
function compareSignatures(x: readonly number[], y: readonly number[], skip: number): number {
  let s = 0;
  let t = 0;
  for (;;) {
    if (x[s] === skip) s++;
    if (y[t] === skip) t++;
    if (s >= x.length || t >= y.length) return x.length - s - (y.length - t);
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
    for (let s = 0, t = 0; s < x.c.length && t < y.c.length;) {
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
  const pairs = pairLists(
    n,
    lists.reduce(
      (sum, list) =>
        sum + (list.length <= ALL_PAIRS ? (list.length * (list.length - 1)) / 2 : list.length * (NEIGHBOURS + BRIDGES)),
      0,
    ),
  );
  const pair = pairs.add;
  // Each question's concepts rarest first (ties: lower number): concepts ranked once, then
  // every question's ranks sorted as numbers (no comparator call per question).
  const byIdf = Array.from(idfs.keys()).sort((u, v) => idfs[v] - idfs[u] || u - v);
  const rankOf = new Int32Array(idfs.length);
  byIdf.forEach((c, rank) => (rankOf[c] = rank));
  const signature = own.map(({ c }) => Array.from(Int32Array.from(c, (x) => rankOf[x]).sort(), (rank) => byIdf[rank]));
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
  const isExcluded = (a: number, b: number) =>
    excluded.size > 0 && excluded.has(pairKey([questions[a].id, questions[b].id]));
  // Scores a's partners against a's concepts laid out densely (idf times a's weight; shared
  // concepts are summed in concept order as pairScore does, and a concept a lacks adds 0);
  // `seen` drops pairs found through several concepts. Concepts of every question as flat
  // arrays: question i's are at start[i] .. start[i + 1] - 1.
  const start = new Int32Array(n + 1);
  own.forEach((o, i) => (start[i + 1] = start[i] + o.c.length));
  const conceptOf = new Int32Array(start[n]);
  const weightOf = new Float64Array(start[n]);
  own.forEach((o, i) => {
    conceptOf.set(o.c, start[i]);
    weightOf.set(o.w, start[i]);
  });
  const dense = new Float64Array(idfs.length);
  const seen = new Int32Array(n).fill(-1);
  const partners = pairs.grouped();
  const total = partners.other.length;
  const candidates: Candidates = {
    a: new Int32Array(total),
    b: new Int32Array(total),
    score: new Float64Array(total),
    size: 0,
  };
  for (let a = 0; a < n; a++) {
    for (let s = start[a]; s < start[a + 1]; s++) dense[conceptOf[s]] = idfs[conceptOf[s]] * weightOf[s];
    for (let p = partners.start[a]; p < partners.start[a + 1]; p++) {
      const b = partners.other[p];
      if (seen[b] === a) continue;
      seen[b] = a;
      let score = 0;
      for (let t = start[b]; t < start[b + 1]; t++) score += dense[conceptOf[t]] * weightOf[t];
      if (score >= minScore && !isExcluded(a, b)) {
        candidates.a[candidates.size] = a;
        candidates.b[candidates.size] = b;
        candidates.score[candidates.size++] = score;
      }
    }
    for (let s = start[a]; s < start[a + 1]; s++) dense[conceptOf[s]] = 0;
  }
  // Best pair first (ties: lower a, then lower b).
  const ranked = rankCandidates(
    candidates,
    sampled ? keepBest(candidates, n, KEEP) : Array.from({ length: candidates.size }, (_, k) => k),
    n,
  );

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
  for (let k = 0; k < ranked.a.length; k++) {
    const a = ranked.a[k];
    const b = ranked.b[k];
    if (answered[a] === answered[b]) continue;
    const u = answered[a] ? b : a;
    if (bridged.has(u) || links[a].has(b) || !free(a) || !free(b)) continue;
    link(a, b, ranked.score[k]);
    bridged.add(u);
  }
  // 3. Everything else by score.
  for (let k = 0; k < ranked.a.length; k++) {
    const a = ranked.a[k];
    const b = ranked.b[k];
    if (!links[a].has(b) && free(a) && free(b)) link(a, b, ranked.score[k]);
  }

  const related = new Map<string, string[]>();
  questions.forEach((q, i) => {
    const ranked = [...links[i]].sort(([x, sx], [y, sy]) => {
      if (!answered[i] && answered[x] !== answered[y]) return answered[x] ? -1 : 1;
      const mx = manual.size > 0 && manual.has(pairKey([q.id, questions[x].id])) ? 1 : 0;
      const my = manual.size > 0 && manual.has(pairKey([q.id, questions[y].id])) ? 1 : 0;
      return my - mx || sy - sx || x - y;
    });
    related.set(
      q.id,
      ranked.map(([j]) => questions[j].id),
    );
  });

  const unanswered = questions.filter((_, i) => !answered[i]).length;
  const unansweredLinked = questions.filter(
    (_, i) => !answered[i] && [...links[i].keys()].some((j) => answered[j]),
  ).length;
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
