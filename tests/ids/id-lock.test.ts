import { describe, expect, it } from 'vitest';
import { assignIds, DroppedIdError, EMPTY_LOCK, fingerprint, lockProblem, serializeLock, similarity, type IdCandidate, type IdLock } from '../../src/ingest/id-lock.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';

const bank: IdCandidate[] = [
  { slug: 'dropout', title: 'Что такое Dropout?', text: 'Что такое Dropout?', source: 'bank.txt', number: 1 },
  { slug: 'vidy-normalizacii', title: 'Какие виды нормализации существуют?', text: 'Какие виды нормализации существуют?', source: 'bank.txt', number: 2 },
  { slug: 'gil-python', title: 'Что такое GIL в Python?', text: 'Что такое GIL в Python?', source: 'bank.txt', number: 3 },
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
    const edited = bank.map((c) => (c.number === 1 ? { ...c, slug: 'dropout-ego-rol', title: 'Что такое Dropout и зачем он?', text: 'Что такое Dropout и зачем он?' } : c));
    const { ids, how } = assignIds(edited, published());
    expect(ids[0]).toBe('dropout');
    expect(how[0]).toBe('number');
  });

  it('keeps the id when an unnumbered question is reworded in its source', () => {
    const lock = assignIds([{ slug: 'adam-sgd', title: 'Adam vs SGD -- когда что?', text: 'Adam vs SGD -- когда что?', source: 'notes.txt' }], EMPTY_LOCK).lock;
    const { ids, how } = assignIds([{ slug: 'adam-sgd-kogda', title: 'Adam vs SGD: когда что выбирать?', text: 'Adam vs SGD: когда что выбирать?', source: 'notes.txt' }], lock);
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
    const moved = [{ ...bank[2], source: 'python.txt', number: 9, title: 'Что такое GIL в языке Python?', text: 'Что такое GIL в языке Python?' }, bank[0], bank[1]];
    expect(assignIds(moved, published()).ids[0]).toBe('gil-python');
  });

  it('refuses to drop a published id silently', () => {
    expect(() => assignIds(bank.slice(0, 2), published())).toThrow(DroppedIdError);
    expect(() => assignIds(bank.slice(0, 2), published())).toThrow(/"gil-python" \(bank\.txt #3: Что такое GIL в Python\?\).*retired/);
  });

  it('accepts a retired id and never reuses it', () => {
    const lock = published();
    lock.questions.find((e) => e.id === 'gil-python')!.retired = true;
    const { ids, lock: next } = assignIds([...bank.slice(0, 2), { ...bank[2], source: 'other.txt', number: 1, title: 'GIL и потоки', text: 'GIL и потоки' }], lock);
    expect(ids[2]).toBe('gil-python-2');
    expect(next.questions.find((e) => e.id === 'gil-python')?.retired).toBe(true);
  });

  it('keeps aliases of a renamed id, and new questions never take an alias', () => {
    const lock = published();
    const entry = lock.questions.find((e) => e.id === 'dropout')!;
    entry.id = 'dropout-basics';
    entry.aliases = ['dropout'];
    const { ids, lock: next } = assignIds([...bank, { slug: 'dropout', title: 'Dropout в трансформерах', text: 'Dropout в трансформерах', source: 'x.txt' }], lock);
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
