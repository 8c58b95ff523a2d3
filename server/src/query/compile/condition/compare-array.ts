import type { CompareOp } from '@loom/metadata';
import { QueryError } from '../../query-error.js';
import { notTrue } from '../../sql/boolean.js';
import type { Params } from '../../sql/params.js';
import { bindArray } from '../bind-value.js';
import type { Expr } from '../field-expression.js';
import type { Rhs } from './operand.js';

/**
 * Comparisons on array fields (multiselect, tags — text[]; a manyToMany's id array against
 * another field): `eq`/`ne` compare as sets, `in`/`nin` mean overlaps / does not overlap,
 * `contains` is an element test, `empty` is null or [].
 */
export function compareArray(params: Params, lhs: Expr, op: CompareOp, rhs: Rhs): string {
  const L = lhs.sql;
  if (rhs.kind === 'sql') {
    const same = `((${L} IS NULL AND ${rhs.sql} IS NULL) OR (${L} @> ${rhs.sql} AND ${L} <@ ${rhs.sql}))`;
    if (op === 'eq') return same;
    if (op === 'ne') return notTrue(same);
    throw QueryError.badRequest('', `$${op} cannot compare two ${lhs.kind} fields`);
  }
  const value = rhs.value;
  const element = lhs.kind === 'ids' ? 'uuid' : 'text';
  switch (op) {
    case 'eq': case 'ne': {
      if (value === null) return op === 'eq' ? `${L} IS NULL` : `${L} IS NOT NULL`;
      const p = bindArray(params, lhs.kind, value as unknown[]);
      const same = p === undefined ? 'FALSE' : `(${L} @> ${p} AND ${L} <@ ${p})`;
      return op === 'eq' ? same : notTrue(same);
    }
    case 'in': case 'nin': {
      const overlaps = `${L} && ${bindArray(params, lhs.kind, value as unknown[], { dropImpossible: true })!}`;
      return op === 'in' ? overlaps : notTrue(overlaps);
    }
    case 'contains': {
      const p = bindArray(params, lhs.kind, [value]);
      return p === undefined ? 'FALSE' : `${L} @> ${p}`;
    }
    case 'exists':
      return value === true ? `${L} IS NOT NULL` : `${L} IS NULL`;
    case 'empty':
      return value === true ? `(${L} IS NULL OR cardinality(${L}) = 0)` : `(${L} IS NOT NULL AND cardinality(${L}) > 0)`;
    default:
      throw QueryError.badRequest('', `$${op} does not apply to ${lhs.kind} (${element}[])`);
  }
}
