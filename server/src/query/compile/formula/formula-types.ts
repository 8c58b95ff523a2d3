import type { FormulaType, ValueKind } from '@loom/metadata';
import { QueryError } from '../../query-error.js';

/** A compiled formula node: SQL and the formula type of its value. */
export interface FormulaExpr {
  sql: string;
  type: FormulaType;
}

/** The formula type of a field value (ids and keys read as text, as in typeFormula). */
export function formulaTypeOfKind(kind: ValueKind, what: string): FormulaType {
  switch (kind) {
    case 'number': case 'text': case 'boolean': case 'date': case 'datetime': return kind;
    case 'option': case 'stage': case 'id': case 'user': return 'text';
    default: throw QueryError.unprocessable('', `${what} (${kind}) cannot be used in a formula`);
  }
}

export const isTime = (t: FormulaType): boolean => t === 'date' || t === 'datetime';

/** A date as the timestamp of its UTC midnight; anything else unchanged. */
export function asDateTime(e: FormulaExpr): FormulaExpr {
  return e.type === 'date' ? { sql: `(CAST(${e.sql} AS timestamp) AT TIME ZONE 'UTC')`, type: 'datetime' } : e;
}

/** A datetime as its UTC date; anything else unchanged. */
export function asDate(e: FormulaExpr): FormulaExpr {
  return e.type === 'datetime' ? { sql: `CAST(${e.sql} AT TIME ZONE 'UTC' AS date)`, type: 'date' } : e;
}

/**
 * Brings values that meet (IF branches, COALESCE, LEAST/GREATEST, comparisons) to one type:
 * a date meeting a datetime becomes a datetime; other mixes are metadata errors.
 */
export function unify(items: FormulaExpr[], what: string): FormulaExpr[] {
  const types = new Set(items.map((i) => i.type));
  if (types.size <= 1) return items;
  if ([...types].every(isTime)) return items.map(asDateTime);
  throw QueryError.unprocessable('', `${what} mixes ${[...types].join(' and ')}`);
}
