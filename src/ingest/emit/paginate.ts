/** Default maximum number of questions on one topic page before it is split (pages also split by size). */
export const DEFAULT_PAGE_SIZE = 120;

/**
 * Split a list into consecutive pages of at most `pageSize` items, keeping order.
 * @param items Items in display order.
 * @param pageSize Maximum items per page (integer >= 1).
 * @returns `[]` for no items, otherwise one array per page (a single page when everything fits).
 * @example paginate([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], pageSize: number): T[][] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += pageSize) pages.push(items.slice(start, start + pageSize));
  return pages;
}

/**
 * Split a list into consecutive pages by weight: a page closes before the item that would take
 * it over `budget` (or past `maxItems` items). An item heavier than the budget gets a page alone.
 * @param weight Weight of each item (e.g. estimated HTML bytes).
 * @example paginateByWeight([1, 2, 3, 4], (n) => n, 5, 10) // [[1, 2], [3], [4]]
 */
export function paginateByWeight<T>(
  items: readonly T[],
  weight: (item: T) => number,
  budget: number,
  maxItems: number,
): T[][] {
  if (!Number.isInteger(maxItems) || maxItems < 1)
    throw new RangeError(`maxItems must be a positive integer, got ${maxItems}`);
  if (!(budget > 0)) throw new RangeError(`budget must be positive, got ${budget}`);
  const pages: T[][] = [];
  let page: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (page.length > 0 && (total + w > budget || page.length >= maxItems)) {
      pages.push(page);
      page = [];
      total = 0;
    }
    page.push(item);
    total += w;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
