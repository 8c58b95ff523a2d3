import { encodeCursor } from './cursor.js';

/** A row of a compiled select as the pg driver returns it (json columns parsed). */
export interface SelectRow<T = Record<string, unknown>> {
  record: T;
  cursor: unknown[];
}

/**
 * The API page from a compiled select's rows: at most `limit` records, and `nextCursor` from
 * the last one when the statement found one row more.
 * @example readPage(rows, compileSelect(options)) // { data: [...], nextCursor: 'eyJzIjoi…' | null }
 */
export function readPage<T>(rows: SelectRow<T>[], page: { limit: number; sortSignature: string }): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, page.limit).map((r) => r.record);
  const last = rows[page.limit - 1];
  return { data, nextCursor: rows.length > page.limit && last ? encodeCursor(page.sortSignature, last.cursor) : null };
}
