/**
 * Slugs (src/ingest/ids.ts): the per-character transliteration path gives exactly the words
 * transliteration's slugify gives, for Russian, English, symbols, accents and (through slugify
 * itself) Chinese.
 */
import { describe, expect, it } from 'vitest';
import { slugify } from 'transliteration';
import { slugForTitle } from '../../src/ingest/ids.ts';

const rules = { maxWords: 50, maxLength: 1000, stopwords: [] };
const viaSlugify = (title: string) =>
  slugify(title, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean)
    .join('-') || 'question';

describe('slugForTitle', () => {
  it('makes the words slugify makes', () => {
    const titles = [
      'Что такое объектная детекция и Non-Maximum Suppression?',
      'Щёлк: съешь ещё этих мягких французских булок',
      'Ünïcödé façade — «кавычки», ½ и x² ≈ 3.14; ℃ & ™',
      'L1/L2-регуляризация: что выбрать? (AUC@k ≥ 0.9)',
      '中文 标题 with ASCII',
      'Emoji 😀 and K (Kelvin) İstanbul',
    ];
    for (const title of titles) expect(slugForTitle(title, rules), title).toBe(viaSlugify(title));
  });
});
