import type { ValueKind } from '../set/field-value-kind.js';
import type { CompareOp, VariableName } from './ast.js';

/** JSON operator → AST operator. */
export const COMPARE_OPERATORS: Readonly<Record<string, CompareOp>> = Object.freeze({
  $eq: 'eq', $ne: 'ne', $gt: 'gt', $gte: 'gte', $lt: 'lt', $lte: 'lte', $in: 'in', $nin: 'nin',
  $contains: 'contains', $startsWith: 'startsWith', $exists: 'exists', $empty: 'empty',
  $anniversary: 'anniversary',
});

export const LOGICAL_OPERATORS = ['$and', '$or', '$not'] as const;

/** The variables a condition may name (`"$user.id"`), besides `$field.<path>`. */
export const VARIABLES: Readonly<Record<string, VariableName>> = Object.freeze({
  '$user.id': 'user.id', '$user.team': 'user.team', '$user.subordinates': 'user.subordinates',
  '$now': 'now', '$today': 'today',
});

/** Variables holding a list of user ids: usable only with $in / $nin. */
export const LIST_VARIABLES: ReadonlySet<VariableName> = new Set(['user.team', 'user.subordinates']);

const ALL: ValueKind[] = ['text', 'number', 'boolean', 'date', 'datetime', 'option', 'stage', 'id', 'user', 'options', 'tags', 'ids', 'json'];
const SCALAR: ValueKind[] = ['text', 'number', 'boolean', 'date', 'datetime', 'option', 'stage', 'id', 'user'];

/** Which value kinds each operator applies to. */
export const OPERATOR_KINDS: Readonly<Record<CompareOp, ReadonlySet<ValueKind>>> = {
  eq: new Set(ALL),
  ne: new Set(ALL),
  gt: new Set(['text', 'number', 'date', 'datetime']),
  gte: new Set(['text', 'number', 'date', 'datetime']),
  lt: new Set(['text', 'number', 'date', 'datetime']),
  lte: new Set(['text', 'number', 'date', 'datetime']),
  in: new Set([...SCALAR, 'options', 'tags', 'ids']),
  nin: new Set([...SCALAR, 'options', 'tags', 'ids']),
  contains: new Set(['text', 'options', 'tags', 'ids']),
  startsWith: new Set(['text']),
  exists: new Set(ALL),
  empty: new Set(ALL),
  anniversary: new Set(['date', 'datetime']),
};

/** Kinds that compare with each other (a field operand or a variable must share the class). */
export function comparisonClass(kind: ValueKind): string {
  switch (kind) {
    case 'option': case 'stage': case 'text': return 'text';
    case 'date': case 'datetime': return 'time';
    default: return kind;
  }
}
