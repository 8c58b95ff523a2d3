import type { Expr } from '../field-expression.js';
import { encodeValue, type Encoding } from './encode-value.js';

/** One value selected as its own column, and how its text becomes JSON. */
export interface OutputColumn {
  sql: string;
  encoding: Encoding;
}

/**
 * How to select an expression so Node can spell its JSON cheaply: plain text, numbers, booleans,
 * ids and datetimes as PostgreSQL's text (no per-row JSON building in the database, which costs
 * a list several times what the text does: bench/records.mjs); any other kind as `to_json`.
 */
export function outputColumn(expr: Expr): OutputColumn {
  switch (expr.kind) {
    case 'text': case 'option': case 'stage': return { sql: expr.sql, encoding: 'string' };
    case 'id': case 'user': return { sql: expr.sql, encoding: 'uuid' };
    case 'number': return { sql: expr.sql, encoding: 'number' };
    case 'boolean': return { sql: expr.sql, encoding: 'boolean' };
    case 'datetime': return { sql: `(CAST(${expr.sql} AS timestamptz) AT TIME ZONE 'UTC')`, encoding: 'datetime' };
    case 'json': return { sql: expr.sql, encoding: 'json' }; // jsonb's text is its JSON
    default: return { sql: `to_json(${expr.sql})`, encoding: 'json' };
  }
}

/** A column already JSON in SQL (an expansion, a nested related object). */
export const jsonColumn = (sql: string): OutputColumn => ({ sql, encoding: 'json' });

/** A row as the pg driver gives it with `rowMode: 'array'` and no type parsing. */
export type TextRow = readonly (string | null)[];

/**
 * The record JSON of a row whose first columns are `columns`, keys in order.
 * @example recordEncoder([{ key: 'id', encoding: 'uuid' }])(['0b…']) // '{"id":"0b…"}'
 */
export function recordEncoder(columns: readonly { key: string; encoding: Encoding }[]): (row: TextRow) => string {
  const prefixes = columns.map((c, i) => `${i ? ',' : '{'}${JSON.stringify(c.key)}:`);
  const encodings = columns.map((c) => c.encoding);
  return (row) => {
    let out = '';
    for (let i = 0; i < encodings.length; i++) out += prefixes[i] + encodeValue(encodings[i]!, row[i]!);
    return encodings.length ? out + '}' : '{}';
  };
}

/** The values of `columns` (from `offset`) as a JSON array text. */
export function arrayEncoder(encodings: readonly Encoding[], offset: number) {
  return (row: TextRow): string => `[${encodings.map((e, i) => encodeValue(e, row[offset + i]!)).join(',')}]`;
}
