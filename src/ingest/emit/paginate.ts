/** Default maximum number of questions on one topic page before it is split. */
export const DEFAULT_PAGE_SIZE = 120;

/**
 * Split a list into consecutive pages of at most `pageSize` items, keeping order.
 * @param items Items in display order.
 * @param pageSize Maximum items per page (integer >= 1).
 * @returns `[]` for no items, otherwise one array per page (a single page when everything fits).
 * @example paginate([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function paginate<T>(items: readonly T[], pageSize: number): T[][] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += pageSize) pages.push(items.slice(start, start + pageSize));
  return pages;
}
