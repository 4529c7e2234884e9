import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/ingest/errors.ts';
import { FORMATS, parseSource } from '../../src/ingest/formats/index.ts';
import { nativeMarkdown } from '../../src/ingest/formats/native-markdown.ts';
import { buildHandbook } from '../../src/ingest/pipeline.ts';
import { paragraphTexts, fateCounts, fixture, lineCount, validateTrees } from './helpers.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';

const parse = (path: string) => parseSource(fixture(`native-markdown/${path}`), path);

function sourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('native Markdown: a full file', () => {
  const { format, result } = parse('good.md');
  const [dropout, decay, warmup, bare] = result.items;

  it('is recognised by content, by this format only', () => {
    expect(format.id).toBe('native-markdown');
    expect(FORMATS.filter((f) => f.detect(fixture('native-markdown/good.md'))).map((f) => f.id)).toEqual([
      'native-markdown',
    ]);
  });

  it('takes every "## " heading as a question, not the one inside a code fence', () => {
    expect(result.items.map((i) => i.title)).toEqual([
      'What is dropout?',
      'Why does weight decay help?',
      'Что такое learning rate warmup?',
      'A question without an answer',
    ]);
  });

  it('keeps front matter as document metadata and the intro as its description', () => {
    expect(result.meta).toEqual({ title: 'My own questions', description: 'A short introduction to the file.' });
  });

  it('gives every line a fate: kept or blank', () => {
    expect(result.fates).toHaveLength(lineCount(fixture('native-markdown/good.md')));
    const counts = fateCounts(result.fates);
    expect(counts.unplaced).toBe(0);
    expect(counts.debris).toBe(0);
    expect(counts.kept + counts.blank).toBe(result.fates.length);
    expect(result.warnings).toEqual([]);
  });

  it('splits the answer at the part headings; text before them is the detailed analysis', () => {
    expect(Object.keys(dropout.answer ?? {})).toEqual(['short', 'detailed', 'mistakes', 'howToSay']);
    expect(paragraphTexts(dropout.answer!.short!)).toEqual([
      'Random masking of neurons: an ensemble of thinned networks.',
    ]);
    expect(paragraphTexts(dropout.answer!.mistakes!)).toEqual([
      'Leaving dropout on at inference.',
      'Forgetting the 1/(1-p) scaling.',
    ]);
    expect(dropout.answer!.detailed!.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text' }, { type: 'inlineMath', value: 'p' }, { type: 'text', value: '.' }],
    });
    expect(validateTrees(result)).toBe(7);
  });

  it('reads the follow-ups list and the prompt part', () => {
    expect(dropout.followUps).toEqual([
      'How does MC Dropout estimate uncertainty?',
      'Why does dropout interact badly with batch norm?',
    ]);
    expect(paragraphTexts(decay.prompt!)).toEqual([
      'Why does weight decay help generalization, and how is it different from L2 in Adam?',
    ]);
  });

  it('keeps code fences, tables and asides', () => {
    expect(decay.answer!.detailed!.children.map((c) => c.type)).toEqual(['code', 'table']);
    expect(decay.answer!.detailed!.children[0]).toMatchObject({ lang: 'python' });
    expect(warmup.answer!.detailed!.children[0]).toMatchObject({ type: 'caution' });
  });

  it('applies the settings line over the front matter defaults', () => {
    expect(dropout).toMatchObject({
      levels: ['middle', 'senior'],
      minutes: 3,
      kind: 'Theory question',
      lang: 'en',
      topic: { id: 'fundamentals', line: 4 },
      lines: [13, 34],
      section: 'Regularization',
    });
    expect(decay).toMatchObject({ levels: ['junior'], minutes: 5, lang: 'en', section: 'Regularization' });
    expect(decay.kind).toBeUndefined();
    expect(warmup).toMatchObject({ topic: { id: 'transformers', line: 57 }, lang: 'ru', section: 'Training' });
    expect(bare.answer).toBeUndefined();
    expect(bare.followUps).toEqual([]);
  });
});

describe('native Markdown without front matter', () => {
  const { result } = parse('no-front-matter.md');

  it('takes the first "# " heading as the title and sets nothing else', () => {
    expect(result.meta).toEqual({ title: 'Notes on detection' });
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toEqual({
      title: 'What is non-maximum suppression?',
      followUps: [],
      lines: [3, 5],
      answer: {
        detailed: {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'It removes overlapping boxes.' }] }],
        },
      },
    });
    expect(result.items[1]).toEqual({ title: 'What is IoU?', followUps: [], lines: [7, 7] });
  });
});

describe('native Markdown errors name file and line', () => {
  it.each([
    ['empty-title.md', 1, /a question heading "## " with no title/],
    ['empty-title-second.md', 7, /a question heading "## " with no title/],
    [
      'unknown-part.md',
      5,
      /unknown answer-part heading "### Summary": expected one of "короткий ответ", "short answer"/,
    ],
    ['part-twice.md', 7, /"short" given twice in one question \(first on line 3\)/],
    ['part-before-question.md', 3, /"### Short answer" before the first question/],
    ['bad-front-matter.md', 2, /front matter: invalid YAML/],
    [
      'unknown-front-matter-key.md',
      3,
      /front matter: unknown key "levels" \(known: topic, level, minutes, language, kind, title, company, date\)/,
    ],
    ['unclosed-front-matter.md', 1, /front matter opened on line 1 is not closed/],
    ['bad-settings.md', 2, /question settings: expected junior, middle or senior/],
    ['follow-ups-not-a-list.md', 5, /follow-ups are a list/],
  ])('%s: line %i', (file, line, message) => {
    const error = sourceError(() => parse(file));
    expect(error.file).toBe(file);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(/^Native Markdown: /);
    expect(error.reason).toMatch(message);
  });
});

describe('native Markdown detection', () => {
  it('needs a "## " heading and a first line that is front matter or a heading', () => {
    expect(nativeMarkdown.detect('## What is dropout?\n\nBody.\n')).toBe(true);
    expect(nativeMarkdown.detect('---\ntitle: x\n---\n## Q\n')).toBe(true);
    expect(nativeMarkdown.detect('Intro text\n\n## Q\n')).toBe(false);
    expect(nativeMarkdown.detect('# Title\n\n1. one\n2. two\n')).toBe(false);
    expect(nativeMarkdown.detect('# Title\n## 1. Part (2 вопроса)\n### Вопрос 1: Что?\n')).toBe(false);
  });
});

describe('native Markdown through the pipeline', () => {
  const input = pipelineInput();
  const withFile = (text: string) => ({
    ...input,
    sources: [...input.sources, { file: 'mine.md', bytes: Buffer.from(text) }],
  });

  it('adds the questions with their topic, levels, minutes and language', () => {
    const handbook = buildHandbook(withFile(fixture('native-markdown/good.md')));
    const mine = handbook.questions.filter((q) => q.source.file === 'mine.md');
    expect(mine.map((q) => [q.title, q.topic, q.levels, q.minutes, q.lang])).toEqual([
      ['What is dropout?', 'fundamentals', ['middle', 'senior'], 3, 'en'],
      ['Why does weight decay help?', 'fundamentals', ['junior'], 5, 'en'],
      ['Что такое learning rate warmup?', 'transformers', ['junior'], 5, 'ru'],
      ['A question without an answer', 'fundamentals', ['junior'], 5, 'en'],
    ]);
    expect(mine[0].source).toMatchObject({ format: 'native-markdown', title: 'My own questions', lines: [13, 34] });
    const summary = handbook.sources.find((s) => s.file === 'mine.md')!;
    expect(summary).toMatchObject({ format: 'native-markdown', questions: 4, answers: 3 });
    expect(summary.lines.unplaced).toBe(0);
  });

  it('stops on an unknown topic at the line that names it', () => {
    const error = sourceError(() => buildHandbook(withFile('## What is dropout?\n{topic: cooking}\n')));
    expect(error.message).toMatch(/^mine\.md:2: unknown topic "cooking": expected one of fundamentals, /);
  });
});
