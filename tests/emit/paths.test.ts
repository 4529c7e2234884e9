/** Public paths of the emitted site (src/ingest/emit/paths.ts): pages and question permalinks. */
import { describe, expect, it } from 'vitest';
import { pageFile, pageUrl, permalinkUrl } from '../../src/ingest/emit/paths.ts';

describe('paths', () => {
  it('puts the root language at the root and English under /en/', () => {
    expect(pageUrl('ru', 'index')).toBe('/');
    expect(pageUrl('en', 'fundamentals/2')).toBe('/en/fundamentals/2/');
    expect(pageFile('ru', 'fundamentals', true)).toBe('fundamentals/index.mdx');
    expect(pageFile('en', 'sources')).toBe('en/sources.mdx');
  });

  it('gives every question id a permalink per edition', () => {
    expect(permalinkUrl('ru', 'softmax-temperature')).toBe('/q/softmax-temperature/');
    expect(permalinkUrl('en', 'softmax-temperature')).toBe('/en/q/softmax-temperature/');
  });
});
