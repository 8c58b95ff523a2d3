import type { ValueKind } from '@loom/metadata';

/** The comparison operators the filter builder offers (DESIGN.md §2), in menu order. */
export const FILTER_OPERATORS = [
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$contains', '$startsWith', '$exists', '$empty',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Operators whose value is a yes/no flag rather than a value of the field. */
export const FLAG_OPERATORS: ReadonlySet<FilterOperator> = new Set(['$exists', '$empty']);
/** Operators whose value is a list. */
export const LIST_OPERATORS: ReadonlySet<FilterOperator> = new Set(['$in', '$nin']);

const ORDERED: FilterOperator[] = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin'];
const CHOICE: FilterOperator[] = ['$eq', '$ne', '$in', '$nin'];
const FLAGS: FilterOperator[] = ['$empty', '$exists'];

/**
 * What each kind of value can be compared with, the most useful first (it is the default).
 * A subset of what @loom/metadata's parseCondition accepts for the kind; a spec checks that.
 */
const BY_KIND: Record<ValueKind, FilterOperator[]> = {
  text: ['$contains', '$eq', '$ne', '$startsWith', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', ...FLAGS],
  number: [...ORDERED, ...FLAGS],
  date: [...ORDERED, ...FLAGS],
  datetime: ['$gte', '$lte', '$gt', '$lt', ...FLAGS],
  boolean: ['$eq', '$ne', ...FLAGS],
  option: [...CHOICE, ...FLAGS],
  stage: [...CHOICE, ...FLAGS],
  id: [...CHOICE, ...FLAGS],
  user: [...CHOICE, ...FLAGS],
  options: ['$contains', '$in', '$nin', ...FLAGS],
  tags: ['$contains', '$in', '$nin', ...FLAGS],
  ids: ['$contains', '$in', '$nin', ...FLAGS],
  json: FLAGS,
  none: [],
};

export function operatorsFor(kind: ValueKind): readonly FilterOperator[] {
  return BY_KIND[kind] ?? [];
}

export function isFilterOperator(value: unknown): value is FilterOperator {
  return typeof value === 'string' && (FILTER_OPERATORS as readonly string[]).includes(value);
}
