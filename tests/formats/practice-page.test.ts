import { describe, expect, it } from 'vitest';
import { DEBRIS, SECTIONS, practicePage } from '../../src/ingest/formats/practice-page.ts';
import { ParseError } from '../../src/ingest/formats/types.ts';
import { fateCounts, fixture, lineCount, paragraphTexts, source, validateTrees } from './helpers.ts';

const NAVIO = 'navio-technical-interview-practice.txt';
const TOPICS = 'practice-batchnorm-mixed-precision-rocauc-3d-segmentation.txt';

function parseError(text: string): ParseError {
  try {
    practicePage.parse(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('practice page, variant A (Navio)', () => {
  const text = source(NAVIO);
  const result = practicePage.parse(text);

  it('reads the header: company, date, title, interview kind, counters', () => {
    expect(result.meta).toMatchObject({
      company: 'Navio',
      date: '2025-08-06',
      title: 'Navio: Техническое собеседование',
      interview: 'Техническое собеседование',
    });
    expect(result.meta.counters).toEqual([
      { label: 'Шагов', value: 5, line: 8 },
      { label: 'Вопросов', value: 5, line: 10 },
      { label: 'Задач', value: 0, line: 12 },
    ]);
  });

  it('gives the 5 steps with numbers, kinds and minutes', () => {
    expect(result.items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
    expect(result.items.map((i) => i.minutes)).toEqual([7, 10, 8, 12, 8]);
    expect(result.items.map((i) => i.kind)).toEqual([
      'Вопрос',
      'Вопрос по метрикам',
      'Вопрос про production ML',
      'Вопрос про production ML',
      'Вопрос',
    ]);
    expect(result.items[0].title).toBe(
      'Explain how dropout behaves during training and inference. Why does the implementation need scaling, and what is inverted dropout?',
    );
    expect(result.items.map((i) => i.lines)).toEqual([
      [14, 55],
      [56, 97],
      [98, 139],
      [140, 181],
      [182, 223],
    ]);
  });

  it('fills all four answer sections of every step', () => {
    for (const item of result.items) {
      expect(Object.keys(item.answer ?? {}).sort()).toEqual(['detailed', 'howToSay', 'mistakes', 'short']);
      expect(item.answer!.detailed!.children).toHaveLength(3);
      expect(item.answer!.mistakes!.children.map((b) => b.type)).toEqual(['list']);
    }
    expect(paragraphTexts(result.items[0].answer!.mistakes!)).toEqual([
      'Say dropout also randomly zeroes neurons during normal inference.',
      'Forget the scaling convention.',
      'Confuse p with the keep probability 1 - p.',
    ]);
    expect(validateTrees(result)).toBe(20);
  });

  it('places every line, none unplaced, no warnings', () => {
    expect(result.fates).toHaveLength(lineCount(text));
    expect(fateCounts(result.fates)).toEqual({ kept: 88, debris: 37, blank: 98, unplaced: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('drops only the listed debris lines', () => {
    const lines = text.split('\n');
    const dropped = new Set(lines.filter((_, i) => result.fates[i] === 'debris'));
    expect([...dropped].sort()).toEqual([...DEBRIS].sort());
  });
});

describe('practice page, variant B (topic set)', () => {
  const text = source(TOPICS);
  const result = practicePage.parse(text);

  it('gives 4 items titled by their first line, with full answers', () => {
    expect(result.items.map((i) => i.title)).toEqual([
      'BatchNorm при обучении, инференсе и multi-GPU',
      'Обучение со смешанной точностью, FP16/BF16 и память',
      'ROC-AUC, ранжирующая интерпретация и бинаризованные предсказания',
      '3D-сегментация dental lesions при ограниченной разметке',
    ]);
    for (const item of result.items) {
      expect(item.number).toBeUndefined();
      expect(item.kind).toBeUndefined();
      expect(item.prompt).toBeUndefined();
      expect(item.answer!.short!.children).toHaveLength(1);
      expect(item.answer!.detailed!.children).toHaveLength(3);
      expect(paragraphTexts(item.answer!.mistakes!)).toHaveLength(3);
      expect(paragraphTexts(item.answer!.howToSay!)).toHaveLength(2);
    }
    expect(result.items.map((i) => i.lines)).toEqual([
      [1, 19],
      [20, 38],
      [39, 57],
      [58, 76],
    ]);
    expect(result.meta).toEqual({});
    expect(validateTrees(result)).toBe(16);
  });

  it('marks each repeated title as debris and places every line', () => {
    for (const item of result.items) expect(result.fates[item.lines[0]]).toBe('debris');
    expect(fateCounts(result.fates)).toEqual({ kept: 56, debris: 20, blank: 0, unplaced: 0 });
    expect(result.fates).toHaveLength(lineCount(text));
  });
});

describe.each([NAVIO, TOPICS])('wording of %s', (file) => {
  it('keeps every content line verbatim in a title, kind or answer paragraph', () => {
    const text = source(file);
    const result = practicePage.parse(text);
    const found = new Set<string>();
    for (const item of result.items) {
      found.add(item.title);
      if (item.kind) found.add(item.kind);
      for (const tree of Object.values(item.answer ?? {})) for (const p of paragraphTexts(tree!)) found.add(p);
    }
    const structure = (line: string) => line in SECTIONS || /^\d+Вопрос\d+ мин$/.test(line);
    const header = result.items[0].lines[0] - 1; // checked by the header test
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim().replace(/^[•-]\s+/, '');
      if (result.fates[i] !== 'kept' || structure(line) || i < header) return;
      expect(found, `line ${i + 1}`).toContain(line);
    });
  });
});

describe('practice page fixtures', () => {
  it('reads a company page with a math prompt and a partial second step', () => {
    const result = practicePage.parse(fixture('practice-page/company-two-steps.txt'));
    expect(result.meta).toMatchObject({
      company: 'Acme Robotics',
      date: '2024-11-30',
      interview: 'Техническое собеседование',
    });
    const [first, second] = result.items;
    expect(first.prompt?.children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Why does inverted dropout scale kept activations by ' },
          { type: 'inlineMath', value: '1/(1-p)' },
          { type: 'text', value: '?' },
        ],
      },
    ]);
    expect(paragraphTexts(first.answer!.detailed!)).toEqual([
      'Each unit survives with probability 1-p, so its expectation shrinks.',
      'Dividing by the keep probability restores the expectation.',
    ]);
    expect(second).toMatchObject({ number: 2, minutes: 10, kind: 'Вопрос по метрикам', lines: [51, 67] });
    expect(second.prompt).toBeUndefined();
    expect(Object.keys(second.answer!)).toEqual(['short', 'mistakes']);
    expect(result.warnings).toEqual([]);
    expect(fateCounts(result.fates).unplaced).toBe(0);
    validateTrees(result);
  });

  it('splits company and interview without a page title', () => {
    const text = fixture('practice-page/company-two-steps.txt').replace(
      'Acme Robotics: Техническое собеседование\n',
      '',
    );
    const result = practicePage.parse(text);
    expect(result.meta).toMatchObject({ company: 'Acme Robotics', interview: 'Техническое собеседование' });
  });

  it('warns when a counter disagrees with the steps', () => {
    const text = fixture('practice-page/company-two-steps.txt').replace('Шагов\n2', 'Шагов\n3');
    expect(practicePage.parse(text).warnings).toEqual([{ line: 8, message: '"Шагов" says 3, the page has 2' }]);
  });

  it('reports an unknown header line as unplaced', () => {
    const text = fixture('practice-page/company-two-steps.txt').replace('Шагов\n', 'Поделиться\n\nШагов\n');
    const result = practicePage.parse(text);
    expect(result.fates[7]).toBe('unplaced');
    expect(result.warnings).toEqual([{ line: 8, message: 'unplaced line: "Поделиться"' }]);
  });

  it('reads a topic set', () => {
    const result = practicePage.parse(fixture('practice-page/topics-two-items.txt'));
    expect(result.items.map((i) => [i.title, Object.keys(i.answer!)])).toEqual([
      ['BatchNorm при обучении, инференсе и multi-GPU', ['short', 'detailed', 'mistakes', 'howToSay']],
      ['ROC-AUC и бинаризованные предсказания', ['short', 'howToSay']],
    ]);
    expect(fateCounts(result.fates)).toEqual({ kept: 16, debris: 7, blank: 0, unplaced: 0 });
  });

  it('rejects a step without question text, at the step line', () => {
    expect(parseError(fixture('practice-page/step-without-question.txt'))).toMatchObject({
      line: 5,
      message: 'step 1 has no question text',
    });
  });

  it('rejects an item truncated after an empty section heading, at the heading', () => {
    expect(parseError(fixture('practice-page/truncated-item.txt'))).toMatchObject({
      line: 10,
      message: 'section "Короткий ответ" is empty',
    });
  });

  it('rejects an item with no answer sections, at its title', () => {
    expect(parseError(fixture('practice-page/no-answer-sections.txt'))).toMatchObject({
      line: 6,
      message: 'item "Обучение со смешанной точностью" is truncated: it has no answer sections',
    });
  });

  it('rejects a section repeated within one item', () => {
    const text = fixture('practice-page/topics-two-items.txt').replace(
      'Как сказать на собеседовании\n- Give',
      'Короткий ответ\n- Give',
    );
    expect(parseError(text)).toMatchObject({ line: 21, message: 'section "Короткий ответ" repeated in one item' });
  });
});
