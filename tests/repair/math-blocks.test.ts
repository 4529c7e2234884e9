import { describe, expect, it } from 'vitest';
import { mask } from '../../src/ingest/repair/masked-math.ts';
import { splitDisplayMath } from '../../src/ingest/repair/math-blocks.ts';

describe('splitDisplayMath', () => {
  it('turns display math ending the line into a math block after the lead', () => {
    const split = splitDisplayMath(mask('ELBO (Evidence Lower Bound): $\\(\\mathcal{L} = a - b\\)$'));
    expect(split.lead).toBe('ELBO (Evidence Lower Bound):');
    expect(split.blocks).toEqual([{ type: 'math', value: '\\mathcal{L} = a - b' }]);
  });

  it('splits several trailing display spans and a line that is only math', () => {
    expect(splitDisplayMath(mask('$\\(a\\)$ $\\(b\\)$')).blocks.map((b) => b.value)).toEqual(['a', 'b']);
    expect(splitDisplayMath(mask('$\\(a\\)$')).lead).toBe('');
  });

  it('leaves inline math and display math inside a sentence alone', () => {
    const inline = mask('Goal: fit \\(q(w)\\)');
    expect(splitDisplayMath(inline)).toEqual({ lead: inline.text, blocks: [] });
    const middle = mask('where $\\(x\\)$ is small');
    expect(splitDisplayMath(middle).blocks).toEqual([]);
  });
});
