import { encodeCursor } from './cursor.js';
import type { CompiledSelect } from '../compile-select.js';

/**
 * Wraps a compiled list so PostgreSQL returns the page as ONE JSON text (`data`), the cursor of its
 * last row and whether there is more: Node then sends the text as is instead of parsing 50 records
 * and serializing them again (STACK.md: JSON built in PostgreSQL beats raw on lists).
 */
export function compilePageJson(compiled: CompiledSelect): { sql: string; params: unknown[] } {
  const limit = `$${compiled.params.length + 1}`;
  const sql = `WITH "page" AS MATERIALIZED (${compiled.sql}), "numbered" AS (SELECT row_number() OVER () AS "n", "record", "cursor" FROM "page")`
    + ` SELECT (SELECT COALESCE(json_agg("record" ORDER BY "n"), '[]')::text FROM "numbered" WHERE "n" <= ${limit}) AS "data",`
    + ` (SELECT "cursor"::text FROM "numbered" WHERE "n" = ${limit}) AS "last",`
    + ` (SELECT count(*) FROM "numbered") > ${limit} AS "more"`;
  return { sql, params: [...compiled.params, compiled.limit] };
}

/** `{ data: <json text>, nextCursor }` from the single row of compilePageJson. */
export function readPageJson(row: { data: string; last: string | null; more: boolean }, compiled: CompiledSelect): { data: string; nextCursor: string | null } {
  return { data: row.data, nextCursor: row.more && row.last ? encodeCursor(compiled.sortSignature, JSON.parse(row.last)) : null };
}
