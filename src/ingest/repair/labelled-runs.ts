/**
 * Paired labels run together on one line.
 *
 * `Pros: Easy to implement Cons: Approximate` were two paragraphs (or list entries) that
 * scraping joined. A line that starts with the first label of a known pair and later contains
 * the second label (after a space, followed by `:`) is split into two lines, wording unchanged.
 */

const PAIRS: readonly [string, string][] = [
  ['Pros', 'Cons'],
  ['Advantages', 'Disadvantages'],
  ['Плюсы', 'Минусы'],
  ['Преимущества', 'Недостатки'],
];

/** Splits `Pros: … Cons: …` into `['Pros: …', 'Cons: …']`; other lines come back alone. */
export function splitLabelledRun(line: string): string[] {
  for (const [first, second] of PAIRS) {
    if (!line.startsWith(`${first}:`)) continue;
    const at = line.search(new RegExp(`\\s${second}:(?:\\s|$)`));
    if (at < 0) continue;
    const head = line.slice(0, at).trim();
    const tail = line.slice(at).trim();
    if (head.length > first.length + 1) return [head, tail];
  }
  return [line];
}
