import type { TextRow } from '../record/record-rows.js';
import { encodeCursor } from './cursor.js';

/** What readPageRows needs of a compileSelectRows result. */
export interface PageRowsShape {
  limit: number;
  sortSignature: string;
  record: (row: TextRow) => string;
  cursor: (row: TextRow) => string;
}

/**
 * `{ data: <JSON array text>, nextCursor }` from the rows of compileSelectRows (at most one more
 * than the limit): the page's records spelled once, straight into the response.
 * @example readPageRows(await db.preparedRows(c.sql, c.params), c) // { data: '[{"id":…}]', nextCursor: null }
 */
export function readPageRows(rows: readonly TextRow[], compiled: PageRowsShape): { data: string; nextCursor: string | null } {
  const count = Math.min(rows.length, compiled.limit);
  let data = '[';
  for (let i = 0; i < count; i++) data += (i ? ',' : '') + compiled.record(rows[i]!);
  const last = rows.length > compiled.limit ? rows[compiled.limit - 1] : undefined;
  return { data: data + ']', nextCursor: last ? encodeCursor(compiled.sortSignature, JSON.parse(compiled.cursor(last))) : null };
}
