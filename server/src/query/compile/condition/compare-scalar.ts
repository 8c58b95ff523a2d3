import type { CompareOp } from '@loom/metadata';
import type { Params } from '../../sql/params.js';
import { QueryError } from '../../query-error.js';
import { containsPattern, prefixPattern } from '../../sql/escape-like.js';
import { bindList, bindScalar } from '../bind-value.js';
import type { Expr } from '../field-expression.js';
import type { Rhs } from './operand.js';

const ORDER: Partial<Record<CompareOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const TEXT_KINDS = new Set(['text', 'option', 'stage']);

/**
 * One comparison on a single-valued field. NULL rules (metadata/src/conditions/ast.ts):
 * `eq null` tests null; `ne`/`nin` are null-safe; ordering is false on null; two fields are
 * equal when both are null (IS NOT DISTINCT FROM), as in evaluateCondition.
 */
export function compareScalar(params: Params, lhs: Expr, op: CompareOp, rhs: Rhs): string {
  const L = lhs.kind === 'json' ? `NULLIF(${lhs.sql}, 'null'::jsonb)` : lhs.sql;
  if (rhs.kind === 'sql') {
    if (op === 'eq') return `${L} IS NOT DISTINCT FROM ${rhs.sql}`;
    if (op === 'ne') return `${L} IS DISTINCT FROM ${rhs.sql}`;
    if (ORDER[op]) return `${L} ${ORDER[op]} ${rhs.sql}`;
    throw QueryError.badRequest('', `$${op} cannot compare two fields`);
  }
  const value = rhs.value;
  switch (op) {
    case 'eq': {
      if (value === null) return `${L} IS NULL`;
      const p = bindScalar(params, lhs.kind, value);
      return p === undefined ? 'FALSE' : `${L} = ${p}`;
    }
    case 'ne': {
      if (value === null) return `${L} IS NOT NULL`;
      const p = bindScalar(params, lhs.kind, value);
      return p === undefined ? 'TRUE' : `${L} IS DISTINCT FROM ${p}`;
    }
    case 'gt': case 'gte': case 'lt': case 'lte':
      return `${L} ${ORDER[op]} ${bindScalar(params, lhs.kind, value)}`;
    case 'in':
      return `${L} = ANY(${bindList(params, lhs.kind, asList(value))})`;
    case 'nin':
      return `(${L} IS NULL OR ${L} <> ALL(${bindList(params, lhs.kind, asList(value))}))`;
    case 'contains':
      return `${L} ILIKE ${params.add(containsPattern(String(value)))}`;
    case 'startsWith':
      return `${L} ILIKE ${params.add(prefixPattern(String(value)))}`;
    case 'exists':
      return value === true ? `${L} IS NOT NULL` : `${L} IS NULL`;
    case 'empty':
      return value === true ? isEmpty(L, lhs.kind) : isNotEmpty(L, lhs.kind);
    case 'anniversary':
      throw new TypeError('anniversary is compiled by compareAnniversary');
  }
}

/** Null, '' for text, and also "" or [] for JSON (evaluateCondition's notion of empty). */
function isEmpty(L: string, kind: string): string {
  if (TEXT_KINDS.has(kind)) return `(${L} IS NULL OR ${L} = '')`;
  if (kind === 'json') return `(${L} IS NULL OR ${L} IN ('""'::jsonb, '[]'::jsonb))`;
  return `${L} IS NULL`;
}

function isNotEmpty(L: string, kind: string): string {
  if (TEXT_KINDS.has(kind)) return `(${L} IS NOT NULL AND ${L} <> '')`;
  if (kind === 'json') return `(${L} IS NOT NULL AND ${L} NOT IN ('""'::jsonb, '[]'::jsonb))`;
  return `${L} IS NOT NULL`;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
