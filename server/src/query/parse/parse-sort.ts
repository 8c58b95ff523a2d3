import type { SortSpec } from '../compile/page/compile-sort.js';

/**
 * `-amount,name` → `[{ field: 'amount', dir: 'desc' }, { field: 'name', dir: 'asc' }]`.
 * Field names are checked against metadata by the compiler; here only the syntax.
 */
export function parseSortParam(text: string): { sort: SortSpec[]; problem?: string } {
  const items = splitList(text);
  if (!items) return { sort: [], problem: 'must be a comma-separated list of fields, each optionally prefixed with -' };
  return { sort: items.map((item) => (item.startsWith('-') ? { field: item.slice(1), dir: 'desc' } : { field: item, dir: 'asc' })) };
}

/** `name, amount` → `['name', 'amount']`; undefined when an item is empty. */
export function splitList(text: string): string[] | undefined {
  const items = text.split(',').map((s) => s.trim());
  return items.every((s) => s !== '' && s !== '-') ? items : undefined;
}
