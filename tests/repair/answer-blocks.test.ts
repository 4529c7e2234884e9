import { describe, expect, it } from 'vitest';
import { Content } from '../../src/ingest/model.ts';
import { answerBlocks, proseBlocks, type SourceLine } from '../../src/ingest/repair/answer-blocks.ts';

const at = (texts: string[], first = 10): SourceLine[] => texts.map((text, i) => ({ line: first + i, text }));
const types = (texts: string[]) => answerBlocks(at(texts)).content.children.map((b) => b.type);

describe('answerBlocks', () => {
  it('applies the repairs in order and yields valid content', () => {
    const { content, warnings } = answerBlocks(
      at([
        'Intro: \\(x\\) matters.',
        '',
        '| A | B |',
        '|---|---|',
        '| 1 | 2 |',
        'Causes: - one - two',
        'Procedure:',
        'def f(xs):',
        'return sum(xs)',
        'Loss: $\\(L = a - b\\)$',
        'Заблуждение: Claim',
        'Explanation with \\(y\\).',
        'Pros: fast Cons: slow',
      ]),
    );
    expect(warnings).toEqual([]);
    expect(content.children.map((b) => b.type)).toEqual([
      'paragraph',
      'table',
      'paragraph',
      'list',
      'paragraph',
      'code',
      'paragraph',
      'math',
      'caution',
      'paragraph',
      'paragraph',
    ]);
    expect(content.children[5]).toEqual({ type: 'code', lang: 'python', value: 'def f(xs):\n    return sum(xs)' });
    expect(Content.safeParse(content).success).toBe(true);
  });

  it('attaches the next non-blank prose line to a misconception', () => {
    const { content } = answerBlocks(at(['Заблуждение: Claim', '', 'Because: - a - b']));
    expect(content.children).toHaveLength(1);
    const node = content.children[0] as unknown as { type: string; children: { type: string }[] };
    expect(node.type).toBe('caution');
    expect(node.children.map((c) => c.type)).toEqual(['paragraph', 'list']);
  });

  it('warns about a misconception without explanation and keeps the next block outside it', () => {
    const { content, warnings } = answerBlocks(at(['Заблуждение: Claim', '| a |', '|---|']));
    expect(content.children.map((b) => b.type)).toEqual(['caution', 'table']);
    expect(warnings).toEqual([{ line: 10, message: 'misconception without an explanation' }]);
  });

  it('keeps pipe lines without a separator as text, with a warning', () => {
    const { content, warnings } = answerBlocks(at(['| a | b |', 'next']));
    expect(content.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(warnings[0]).toEqual({ line: 10, message: 'pipe line outside a table kept as text' });
  });

  it('reports ragged table rows with their source line', () => {
    expect(answerBlocks(at(['| a | b |', '|---|---|', '| c |'])).warnings).toEqual([
      { line: 12, message: 'table row has a different number of cells than the header' },
    ]);
  });

  it('keeps a line with nothing after its colon as text', () => {
    expect(types(['Forward:', 'Backward (chain rule): $\\(q = -1\\)$'])).toEqual(['paragraph', 'paragraph', 'math']);
    expect(answerBlocks(at(['Forward:'])).content.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Forward:' }],
    });
  });

  it('returns an empty root for no lines', () => {
    expect(answerBlocks([]).content).toEqual({ type: 'root', children: [] });
  });
});

describe('proseBlocks', () => {
  it('splits labelled runs before lists', () => {
    const blocks = proseBlocks('Pros: - a - b Cons: - c - d');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph', 'list']);
  });

  it('puts trailing display math after a flattened list lead', () => {
    expect(proseBlocks('Steps: 1. a 2. b $\\(x\\)$').map((b) => b.type)).toEqual(['paragraph', 'list', 'math']);
  });
});
