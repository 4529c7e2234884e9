/**
 * Development / held-out split of labelled items: a stable hash of the item's key, so an item
 * stays on its side when others are added. A third of the items is held out: rules are tuned
 * on the development part only, and the held-out figures are reported beside them.
 */

export type Split = 'dev' | 'held-out';

/**
 * FNV-1a hash of a string (32 bits).
 * @example fnv1a('a') // 3826002220
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    h ^= unit;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The side of an item by its key. */
export function splitOf(key: string): Split {
  return fnv1a(key) % 3 === 0 ? 'held-out' : 'dev';
}
