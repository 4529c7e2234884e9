/**
 * Provenance of answers: a reader sees whether an answer comes from the source file or was
 * written for the handbook (content/answers/), on the page, in questions.json and in the decks;
 * the meta line names a single source line as "line 6", not "lines 6–6".
 */
import { describe, expect, it } from 'vitest';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { flashcard } from '../../src/ingest/emit/flashcards.ts';
import { metaAttributes } from '../../src/ingest/emit/question.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';

const handbook = loadSeedHandbook();
const byId = new Map(handbook.questions.map((q) => [q.id, q]));
// "Что такое Dropout?" has a handbook answer; the dropout practice question its source's own.
const written = byId.get('dropout')!;
const sourced = byId.get('dropout-behaves-during-training-inference')!;

describe('answer provenance', () => {
  it('marks handbook answers and source answers in the page meta', () => {
    expect(metaAttributes(written).answerBy).toBe('handbook');
    expect(metaAttributes(sourced).answerBy).toBe('source');
  });

  it('says "line 6" for one line and "6–9" for a range', () => {
    expect(written.source.lines[0]).toBe(written.source.lines[1]);
    expect(metaAttributes(written).lines).toBe(String(written.source.lines[0]));
    expect(metaAttributes(sourced).lines).toMatch(/^\d+–\d+$/);
  });

  it('publishes it in questions.json and on the flashcards', () => {
    const files = emitSite(handbook, { langs: ['ru', 'en'] });
    const index = JSON.parse(files.get('_data/questions.json')!) as { id: string; answerBy?: string }[];
    expect(index.find((q) => q.id === written.id)!.answerBy).toBe('handbook');
    expect(index.find((q) => q.id === sourced.id)!.answerBy).toBe('source');
    expect(flashcard(written, 'ru').back).toContain('Ответ справочника');
    expect(flashcard(written, 'en').back).toContain('Handbook answer');
    expect(flashcard(written, 'en').tags).toContain('handbook-answer');
    expect(flashcard(sourced, 'en').back).toContain('Answer from the source');
  });
});
