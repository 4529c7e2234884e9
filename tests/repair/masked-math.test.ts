import { describe, expect, it } from 'vitest';
import { mask, placeholderSpan, unmask } from '../../src/ingest/repair/masked-math.ts';

describe('mask / unmask', () => {
  it('hides math from string patterns and restores it as inlineMath', () => {
    const m = mask('a - \\(x - y\\) - b');
    expect(m.text.split(' - ')).toHaveLength(3);
    expect(m.math).toEqual([{ value: 'x - y', display: false }]);
    expect(unmask(m.text, m.math)).toEqual([
      { type: 'text', value: 'a - ' },
      { type: 'inlineMath', value: 'x - y' },
      { type: 'text', value: ' - b' },
    ]);
  });

  it('keeps display flags and round-trips text without math', () => {
    const m = mask('see $\\(E = mc^2\\)$');
    expect(m.math[0]).toEqual({ value: 'E = mc^2', display: true });
    expect(placeholderSpan(m.text.slice(4), m.math)).toEqual(m.math[0]);
    expect(placeholderSpan('x', m.math)).toBeUndefined();
    expect(unmask(mask('$5 and $10').text, [])).toEqual([{ type: 'text', value: '$5 and $10' }]);
  });
});
