import { describe, expect, it } from 'vitest';
import { Content } from '../../src/ingest/model.ts';
import { paragraph, root, text } from '../../src/ingest/mdast.ts';
import { caution, misconceptionTitle } from '../../src/ingest/repair/misconceptions.ts';

describe('misconceptions', () => {
  it('reads the claim of a misconception line', () => {
    expect(misconceptionTitle('Заблуждение: Label Smoothing всегда улучшает модель')).toBe(
      'Label Smoothing всегда улучшает модель',
    );
    expect(misconceptionTitle('Misconception: Bigger is better')).toBe('Bigger is better');
  });

  it('ignores other lines', () => {
    expect(misconceptionTitle('Заблуждение:')).toBeNull();
    expect(misconceptionTitle('Частое заблуждение: x')).toBeNull();
    expect(misconceptionTitle('Label smoothing помогает калибровке')).toBeNull();
  });

  it('builds a caution node the model accepts', () => {
    const node = caution([text('Claim')], [paragraph([text('Why not.')])]);
    expect(node).toEqual({
      type: 'caution',
      title: [{ type: 'text', value: 'Claim' }],
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Why not.' }] }],
    });
    expect(Content.safeParse(root([node])).success).toBe(true);
  });
});
