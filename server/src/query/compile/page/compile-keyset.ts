import { and, or } from '../../sql/boolean.js';
import type { Params } from '../../sql/params.js';
import { outputColumn, type OutputColumn } from '../record/record-rows.js';
import type { SortKey } from './compile-sort.js';

/** A sort value as the cursor holds it: numbers as text, so no precision is lost in JSON. */
const cursorValue = (k: SortKey): string => (k.expr.kind === 'number' ? `CAST(${k.expr.sql} AS text)` : k.expr.sql);

/** The cursor column: the row's sort values as one JSON array. */
export function cursorValuesSql(keys: SortKey[]): string {
  return `json_build_array(${keys.map(cursorValue).join(', ')})`;
}

/** The same values as columns of their own (compileSelectRows): text for numbers and ids, JSON for the rest. */
export function cursorColumns(keys: SortKey[]): OutputColumn[] {
  return keys.map((k) => {
    if (k.expr.kind === 'number') return { sql: cursorValue(k), encoding: 'string' };
    if (k.expr.kind === 'id' || k.expr.kind === 'user') return outputColumn(k.expr);
    return { sql: `to_json(${k.expr.sql})`, encoding: 'json' };
  });
}

/**
 * Rows strictly after the cursor row in `keys` order (NULLS LAST ascending, FIRST descending):
 * OR over i of (keys before i equal, key i after). Equality with a NULL cursor value is IS NULL;
 * nothing comes after NULL ascending; after NULL descending comes every non-NULL value.
 */
export function keysetSql(params: Params, keys: SortKey[], values: unknown[]): string {
  const bound = values.map((v) => (v === null ? null : params.add(v)));
  const equal = (i: number) => (bound[i] === null ? `${keys[i]!.expr.sql} IS NULL` : `${keys[i]!.expr.sql} = ${bound[i]}`);
  const after = (i: number): string => {
    const { sql } = keys[i]!.expr;
    const p = bound[i];
    if (keys[i]!.dir === 'asc') return p === null ? 'FALSE' : keys[i]!.nullable ? `(${sql} > ${p} OR ${sql} IS NULL)` : `${sql} > ${p}`;
    return p === null ? `${sql} IS NOT NULL` : `${sql} < ${p}`;
  };
  const terms = keys.map((_, i) => {
    const step = after(i);
    return step === 'FALSE' ? 'FALSE' : and([...keys.slice(0, i).map((__, j) => equal(j)), step]);
  });
  return or(terms);
}
