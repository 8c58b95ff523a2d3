import { encodeCursor } from './cursor.js';
import type { CompiledSelect } from '../compile-select.js';

/**
 * Wraps a compiled list so PostgreSQL returns each record and its cursor as JSON text: Node joins the
 * page's texts instead of parsing 50 records and serializing them again. Rows, not one aggregated
 * row: a `json_agg` over a materialized CTE cost PostgreSQL twice the list itself (bench/records.mjs).
 */
export function compilePageJson(compiled: CompiledSelect): { sql: string; params: unknown[] } {
  return { sql: `SELECT "page"."record"::text AS "record", "page"."cursor"::text AS "cursor" FROM (${compiled.sql}) AS "page"`, params: compiled.params };
}

/** A row of compilePageJson: one record and its cursor, both JSON text. */
export interface PageJsonRow {
  record: string;
  cursor: string;
}

/** `{ data: <json text>, nextCursor }` from the rows of compilePageJson (at most one more than the limit). */
export function readPageJson(rows: PageJsonRow[], compiled: Pick<CompiledSelect, 'limit' | 'sortSignature'>): { data: string; nextCursor: string | null } {
  const page = rows.length > compiled.limit ? rows.slice(0, compiled.limit) : rows;
  const last = rows.length > compiled.limit ? page[page.length - 1] : undefined;
  return { data: `[${page.map((r) => r.record).join(',')}]`, nextCursor: last ? encodeCursor(compiled.sortSignature, JSON.parse(last.cursor)) : null };
}
