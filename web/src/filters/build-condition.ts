import type { ConditionJson } from '@loom/metadata';
import { emptyGroup, newRule, nextFilterId } from './filter-model';
import type { FilterGroup, FilterItem, FilterRule } from './filter-model';
import { FLAG_OPERATORS, LIST_OPERATORS, isFilterOperator } from './filter-operators';

/** A rule takes part in the condition once it names a field and has a value its operator can use. */
export function isRuleComplete(rule: FilterRule): boolean {
  if (!rule.field) return false;
  if (FLAG_OPERATORS.has(rule.operator)) return typeof rule.value === 'boolean';
  if (LIST_OPERATORS.has(rule.operator)) return Array.isArray(rule.value) && rule.value.length > 0;
  return rule.value !== null && rule.value !== undefined && rule.value !== '' && !(Array.isArray(rule.value) && rule.value.length === 0);
}

function ruleCondition(rule: FilterRule): ConditionJson {
  return { [rule.field]: { [rule.operator]: rule.value } };
}

function itemCondition(item: FilterItem): ConditionJson | null {
  return item.kind === 'rule' ? (isRuleComplete(item) ? ruleCondition(item) : null) : buildCondition(item);
}

/**
 * The condition-language JSON of a builder group: every comparison written out as
 * `{ field: { $op: value } }`; a group of one collapses to its only item; an empty
 * group (or one of unfinished rules only) is null, meaning "no filter".
 */
export function buildCondition(group: FilterGroup): ConditionJson | null {
  const parts = group.items.map(itemCondition).filter((part): part is ConditionJson => part !== null);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return { [group.logic === 'or' ? '$or' : '$and']: parts };
}

/** How many finished comparisons the group holds (the count on the Filter button). */
export function countRules(group: FilterGroup): number {
  return group.items.reduce(
    (sum, item) => sum + (item.kind === 'rule' ? (isRuleComplete(item) ? 1 : 0) : countRules(item)),
    0,
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The builder group of a condition (a filter restored from the address bar), or null when it
 * uses something the builder cannot show ($not, operators it does not offer).
 */
export function filterFromCondition(json: unknown): FilterGroup | null {
  if (!isPlainObject(json)) return null;
  const items = itemsOf(json);
  if (!items) return null;
  // `{ $or: [...] }` alone becomes an OR group rather than an AND group holding one OR group.
  if (items.length === 1 && items[0]!.kind === 'group') return items[0];
  return { ...emptyGroup('and'), items };
}

function itemsOf(json: Record<string, unknown>): FilterItem[] | null {
  const items: FilterItem[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) return null;
      const group: FilterGroup = { kind: 'group', id: nextFilterId(), logic: key === '$or' ? 'or' : 'and', items: [] };
      for (const entry of value) {
        if (!isPlainObject(entry)) return null;
        const inner = itemsOf(entry);
        if (!inner) return null;
        // An AND inside an AND, or several comparisons of one entry, stay together as a group.
        group.items.push(inner.length === 1 ? inner[0]! : { ...emptyGroup('and'), items: inner });
      }
      items.push(group);
    } else if (key.startsWith('$')) {
      return null;
    } else if (isPlainObject(value)) {
      for (const [operator, operand] of Object.entries(value)) {
        if (!isFilterOperator(operator)) return null;
        items.push(newRule(key, operator, operand));
      }
    } else {
      items.push(newRule(key, '$eq', value));
    }
  }
  return items;
}
