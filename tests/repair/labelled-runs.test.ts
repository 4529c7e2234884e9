import { describe, expect, it } from 'vitest';
import { splitLabelledRun } from '../../src/ingest/repair/labelled-runs.ts';

describe('splitLabelledRun', () => {
  it('splits Pros/Cons run together on one line', () => {
    expect(
      splitLabelledRun(
        'Pros: Easy to implement, works with existing models Cons: Approximate, may underestimate uncertainty',
      ),
    ).toEqual([
      'Pros: Easy to implement, works with existing models',
      'Cons: Approximate, may underestimate uncertainty',
    ]);
  });

  it('splits Russian label pairs', () => {
    expect(splitLabelledRun('Плюсы: быстро Минусы: неточно')).toEqual(['Плюсы: быстро', 'Минусы: неточно']);
  });

  it('leaves other lines alone', () => {
    expect(splitLabelledRun('Pros: only pros here')).toEqual(['Pros: only pros here']);
    expect(splitLabelledRun('The Pros: and Cons: of it')).toEqual(['The Pros: and Cons: of it']);
    expect(splitLabelledRun('Pros: Cons: nothing before')).toEqual(['Pros: Cons: nothing before']);
  });
});
