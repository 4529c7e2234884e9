/**
 * The heap limit `npm run build:site` gives `astro build` (scripts/heap-limit.mjs).
 */
import { describe, expect, it } from 'vitest';
import { heapLimitMb, withHeapLimit } from '../../scripts/heap-limit.mjs';

describe('heap limit of the site build', () => {
  it('is 768 MB up to 10,000 questions and grows with the questions above', () => {
    expect(heapLimitMb(0)).toBe(768);
    expect(heapLimitMb(188)).toBe(768);
    expect(heapLimitMb(10_000)).toBe(768);
    expect(heapLimitMb(20_000)).toBe(1268);
    expect(heapLimitMb(10_001)).toBeGreaterThan(768);
  });

  it('is added to NODE_OPTIONS without replacing other options or an explicit limit', () => {
    expect(withHeapLimit(undefined, 768)).toBe('--max-old-space-size=768');
    expect(withHeapLimit('--enable-source-maps', 900)).toBe('--enable-source-maps --max-old-space-size=900');
    expect(withHeapLimit('--max-old-space-size=4096', 768)).toBe('--max-old-space-size=4096');
  });
});
