import { describe, expect, it } from 'vitest';
import { splitFlattenedList } from '../../src/ingest/repair/flattened-lists.ts';
import { mask } from '../../src/ingest/repair/masked-math.ts';

describe('splitFlattenedList: bullets', () => {
  it('splits a lead and dash items', () => {
    expect(splitFlattenedList('Causes: - Sigmoid/tanh saturation - Many layers: product of small gradients')).toEqual({
      lead: 'Causes:',
      items: ['Sigmoid/tanh saturation', 'Many layers: product of small gradients'],
      ordered: false,
    });
  });

  it('keeps hyphenated words and the -- dash substitute inside items', () => {
    const list = splitFlattenedList(
      'Post-hoc calibration: - Weights -- distributions, не fixed values - Trade-off here',
    );
    expect(list?.lead).toBe('Post-hoc calibration:');
    expect(list?.items).toEqual(['Weights -- distributions, не fixed values', 'Trade-off here']);
  });

  it('does not split a minus between numbers', () => {
    expect(splitFlattenedList('Ranges: - from 1 - 2 units - more')?.items).toEqual(['from 1 - 2 units', 'more']);
  });

  it('accepts a line that starts with the first marker', () => {
    expect(splitFlattenedList('- a - b')).toEqual({ lead: '', items: ['a', 'b'], ordered: false });
  });

  it('rejects prose dashes without a colon lead, and single items', () => {
    expect(splitFlattenedList('The range 1 - 2 is fine - mostly')).toBeNull();
    expect(splitFlattenedList('Note: - only one item')).toBeNull();
    expect(splitFlattenedList('Problem: Early training -- random weights -- large gradients')).toBeNull();
  });

  it('never splits inside masked math', () => {
    const m = mask('ELBO: \\(a - b\\) and - not a list');
    expect(splitFlattenedList(m.text)).toBeNull();
  });
});

describe('splitFlattenedList: numbered', () => {
  it('splits consecutive numbers after a lead', () => {
    expect(splitFlattenedList('Solutions: 1. ReLU 2. Residual connections -- gradient = 1 3. BatchNorm')).toEqual({
      lead: 'Solutions:',
      items: ['ReLU', 'Residual connections -- gradient = 1', 'BatchNorm'],
      ordered: true,
      start: 1,
    });
  });

  it('keeps decimals and out-of-sequence numbers inside items', () => {
    const list = splitFlattenedList('Issues: 1. Lower beta (e.g., 0.98) 3. not a marker 2. Second');
    expect(list?.items).toEqual(['Lower beta (e.g., 0.98) 3. not a marker', 'Second']);
  });

  it('keeps a start other than 1', () => {
    expect(splitFlattenedList('3. c 4. d')).toMatchObject({ lead: '', start: 3, items: ['c', 'd'] });
  });

  it('rejects a single numbered sentence', () => {
    expect(splitFlattenedList('1. Only one step here')).toBeNull();
    expect(splitFlattenedList('Version 1. Something 2. Other')).toBeNull();
  });
});
