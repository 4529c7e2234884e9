import { describe, expect, it } from 'vitest';
import {
  assignIds,
  DroppedIdError,
  EMPTY_LOCK,
  fingerprint,
  lockProblem,
  serializeLock,
  similarity,
  type IdCandidate,
  type IdLock,
} from '../../src/ingest/id-lock.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';

const bank: IdCandidate[] = [
  { slug: 'dropout', title: 'Что такое Dropout?', text: 'Что такое Dropout?', source: 'bank.txt', number: 1 },
  {
    slug: 'vidy-normalizacii',
    title: 'Какие виды нормализации существуют?',
    text: 'Какие виды нормализации существуют?',
    source: 'bank.txt',
    number: 2,
  },
  {
    slug: 'gil-python',
    title: 'Что такое GIL в Python?',
    text: 'Что такое GIL в Python?',
    source: 'bank.txt',
    number: 3,
  },
];
const published = (): IdLock => assignIds(bank, EMPTY_LOCK).lock;

describe('permanent ids (content/ids.lock.json)', () => {
  it('records every id with a fingerprint on a first run', () => {
    const { ids, lock, how } = assignIds(bank, EMPTY_LOCK);
    expect(ids).toEqual(['dropout', 'vidy-normalizacii', 'gil-python']);
    expect(how).toEqual(['new', 'new', 'new']);
    expect(lock.questions.map((e) => e.id)).toEqual(['dropout', 'gil-python', 'vidy-normalizacii']);
    expect(lock.questions[0].fingerprint).toBe(fingerprint('Что такое Dropout?'));
  });

  it('keeps the id when the question text is edited', () => {
    const edited = bank.map((c) =>
      c.number === 1
        ? {
            ...c,
            slug: 'dropout-ego-rol',
            title: 'Что такое Dropout и зачем он?',
            text: 'Что такое Dropout и зачем он?',
          }
        : c,
    );
    const { ids, how } = assignIds(edited, published());
    expect(ids[0]).toBe('dropout');
    expect(how[0]).toBe('number');
  });

  it('keeps the id when an unnumbered question is reworded in its source', () => {
    const lock = assignIds(
      [
        {
          slug: 'adam-sgd',
          title: 'Adam vs SGD -- когда что?',
          text: 'Adam vs SGD -- когда что?',
          source: 'notes.txt',
        },
      ],
      EMPTY_LOCK,
    ).lock;
    const { ids, how } = assignIds(
      [
        {
          slug: 'adam-sgd-kogda',
          title: 'Adam vs SGD: когда что выбирать?',
          text: 'Adam vs SGD: когда что выбирать?',
          source: 'notes.txt',
        },
      ],
      lock,
    );
    expect(ids).toEqual(['adam-sgd']);
    expect(how).toEqual(['similar-title']);
  });

  it('keeps the id when the source file is renamed and when questions move (reordered, other topic or page)', () => {
    const renamed = [...bank].reverse().map((c, i) => ({ ...c, source: 'renamed-bank.txt', number: i + 1 }));
    const { ids, how } = assignIds(renamed, published());
    expect(ids).toEqual(['gil-python', 'vidy-normalizacii', 'dropout']);
    expect(how).toEqual(['fingerprint', 'fingerprint', 'fingerprint']);
  });

  it('keeps the id when the file is renamed and the text edited together', () => {
    const moved = [
      {
        ...bank[2],
        source: 'python.txt',
        number: 9,
        title: 'Что такое GIL в языке Python?',
        text: 'Что такое GIL в языке Python?',
      },
      bank[0],
      bank[1],
    ];
    expect(assignIds(moved, published()).ids[0]).toBe('gil-python');
  });

  it('refuses to drop a published id silently', () => {
    expect(() => assignIds(bank.slice(0, 2), published())).toThrow(DroppedIdError);
    expect(() => assignIds(bank.slice(0, 2), published())).toThrow(
      /"gil-python" \(bank\.txt #3: Что такое GIL в Python\?\).*`npm run ids -- retire gil-python`/,
    );
  });

  it('accepts a retired id and never reuses it', () => {
    const lock = published();
    lock.questions.find((e) => e.id === 'gil-python')!.retired = true;
    const { ids, lock: next } = assignIds(
      [
        ...bank.slice(0, 2),
        { ...bank[2], source: 'other.txt', number: 1, title: 'GIL и потоки', text: 'GIL и потоки' },
      ],
      lock,
    );
    expect(ids[2]).toBe('gil-python-2');
    expect(next.questions.find((e) => e.id === 'gil-python')?.retired).toBe(true);
  });

  it('keeps aliases of a renamed id, and new questions never take an alias', () => {
    const lock = published();
    const entry = lock.questions.find((e) => e.id === 'dropout')!;
    entry.id = 'dropout-basics';
    entry.aliases = ['dropout'];
    const { ids, lock: next } = assignIds(
      [
        ...bank,
        { slug: 'dropout', title: 'Dropout в трансформерах', text: 'Dropout в трансформерах', source: 'x.txt' },
      ],
      lock,
    );
    expect(ids[0]).toBe('dropout-basics');
    expect(next.questions.find((e) => e.id === 'dropout-basics')?.aliases).toEqual(['dropout']);
    expect(ids[3]).toBe('dropout-2');
    expect(lockProblem(next)).toBeUndefined();
  });

  it('reports an alias that collides with another id', () => {
    const lock = published();
    lock.questions[0].aliases = ['gil-python'];
    expect(lockProblem(lock)).toMatch(/"gil-python" is used twice/);
  });

  it('serialises deterministically', () => {
    expect(serializeLock(assignIds(bank, EMPTY_LOCK).lock)).toBe(serializeLock(assignIds([...bank], EMPTY_LOCK).lock));
    expect(similarity('Adam vs SGD', 'adam VS sgd!')).toBe(1);
  });
});

describe('the committed lock and the shipped sources', () => {
  it('is up to date: ingestion of the seeds changes nothing and keeps ids unique', () => {
    const input = pipelineInput();
    const { handbook, lock } = runPipeline(input);
    expect(input.lock, 'content/ids.lock.json must be committed').toBeDefined();
    expect(serializeLock(lock)).toBe(input.lock!.text);
    const ids = handbook.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

/** The matching rules of assignIds written out as plain all-pairs passes (the spec the indexed version must follow). */
function reference(candidates: IdCandidate[], lock: IdLock): string[] {
  const entries = lock.questions;
  const free = new Set(entries.flatMap((e, i) => (e.retired ? [] : [i])));
  const claimed = new Map<number, number>();
  const pass = (match: (c: IdCandidate, e: IdLock['questions'][number]) => number) =>
    candidates.forEach((c, ci) => {
      if (claimed.has(ci)) return;
      let [best, bestScore] = [-1, 0];
      for (const ei of free) {
        const score = match(c, entries[ei]);
        if (score > bestScore) [best, bestScore] = [ei, score];
      }
      if (best >= 0) {
        claimed.set(ci, best);
        free.delete(best);
      }
    });
  pass((c, e) => (e.fingerprint === fingerprint(c.text) ? 1 : 0));
  pass((c, e) => (c.number !== undefined && e.source === c.source && e.number === c.number ? 1 : 0));
  pass((c, e) => (e.source === c.source && similarity(c.title, e.title) >= 0.5 ? similarity(c.title, e.title) : 0));
  pass((c, e) => (similarity(c.title, e.title) >= 0.75 ? similarity(c.title, e.title) : 0));
  return candidates.map((_c, ci) => (claimed.has(ci) ? entries[claimed.get(ci)!].id : '(new)'));
}

describe('assignIds at scale', () => {
  it('matches the all-pairs rules on random edits, renames, reorders and rewordings', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const vocab = [
      'adam',
      'sgd',
      'loss',
      'what',
      'is',
      'the',
      'dropout',
      'bn',
      'gil',
      'python',
      'в',
      'чем',
      'разница',
      'attention',
      'x',
      'y',
    ];
    const title = () =>
      Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
    for (let trial = 0; trial < 400; trial++) {
      const sources = ['a.txt', 'b.txt', 'c.txt'];
      const make = (i: number): IdCandidate => {
        const t = title();
        return {
          slug: `q${i}`,
          title: t,
          text: rnd() < 0.3 ? 'same text' : `${t} ${i}`,
          source: sources[Math.floor(rnd() * 3)],
          number: rnd() < 0.5 ? Math.floor(rnd() * 4) : undefined,
        };
      };
      const old = Array.from({ length: Math.floor(rnd() * 12) }, (_, i) => make(i));
      const lock = assignIds(old, EMPTY_LOCK).lock;
      for (const e of lock.questions) if (rnd() < 0.1) e.retired = true;
      const next = Array.from({ length: Math.floor(rnd() * 12) }, (_, i) =>
        rnd() < 0.4 && old[i] ? old[i] : make(i + 100),
      );
      const expected = reference(next, lock);
      let actual: string[];
      try {
        const { ids, how } = assignIds(next, lock);
        actual = ids.map((id, i) => (how[i] === 'new' ? '(new)' : id));
      } catch (error) {
        expect(error).toBeInstanceOf(DroppedIdError);
        continue;
      }
      expect(actual).toEqual(expected);
    }
  });

  it('finds a very similar title in another source among thousands of lock entries', () => {
    const many: IdCandidate[] = Array.from({ length: 5000 }, (_, i) => ({
      slug: `q-${i}`,
      title: `Вопрос номер ${i} про модели`,
      text: `Вопрос номер ${i} про модели`,
      source: `s${i % 10}.txt`,
    }));
    const target = {
      slug: 'attention',
      title: 'Как работает multi-head attention в трансформере',
      text: 'Как работает multi-head attention в трансформере',
      source: 'old.txt',
    };
    const lock = assignIds([...many, target], EMPTY_LOCK).lock;
    const moved = {
      ...target,
      slug: 'x',
      source: 'new.txt',
      title: 'Как работает multi-head attention в трансформере?!',
      text: 'Как именно работает multi-head attention в трансформере',
    };
    const start = performance.now();
    const { ids, how } = assignIds([...many, moved], lock);
    expect(ids.at(-1)).toBe('attention');
    expect(how.at(-1)).toBe('similar-title');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('reading the lock', () => {
  it('reads the lock as written, hand-formatted or compact, alike', () => {
    const input = pipelineInput();
    const written = runPipeline(input).handbook.questions.map((q) => q.id);
    const compact = { ...input, lock: { ...input.lock!, text: JSON.stringify(JSON.parse(input.lock!.text)) } };
    expect(runPipeline(compact).handbook.questions.map((q) => q.id)).toEqual(written);
  });

  it('still rejects duplicate keys and bad entries with file and line', () => {
    const input = pipelineInput();
    const text = input.lock!.text.replace('"version": 1,', '"version": 1,\n  "version": 1,');
    expect(() => runPipeline({ ...input, lock: { ...input.lock!, text } })).toThrow(/ids\.lock\.json:3:/);
    const bad = input.lock!.text.replace(/"fingerprint": "[0-9a-f]+"/, '"fingerprint": 7');
    expect(() => runPipeline({ ...input, lock: { ...input.lock!, text: bad } })).toThrow(
      /ids\.lock\.json:\d+: .*fingerprint/,
    );
  });
});
