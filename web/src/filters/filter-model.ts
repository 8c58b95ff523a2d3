import type { FilterOperator } from './filter-operators';

export type FilterLogic = 'and' | 'or';

/** One comparison: `{ [field]: { [operator]: value } }`. */
export interface FilterRule {
  kind: 'rule';
  id: number;
  field: string;
  operator: FilterOperator;
  value: unknown;
}

/** Comparisons and nested groups joined by AND or OR. */
export interface FilterGroup {
  kind: 'group';
  id: number;
  logic: FilterLogic;
  items: FilterItem[];
}

export type FilterItem = FilterRule | FilterGroup;

let lastId = 0;
/** Keys for v-for: unique within the page's lifetime. */
export function nextFilterId(): number {
  lastId += 1;
  return lastId;
}

export function emptyGroup(logic: FilterLogic = 'and'): FilterGroup {
  return { kind: 'group', id: nextFilterId(), logic, items: [] };
}

export function newRule(field: string, operator: FilterOperator, value: unknown = null): FilterRule {
  return { kind: 'rule', id: nextFilterId(), field, operator, value };
}
