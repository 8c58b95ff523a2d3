import { describe, expect, it } from 'vitest';
import { parseCondition } from '@loom/metadata';
import type { MetadataSet, ObjectDef } from '@loom/metadata';
import { buildCondition, countRules, filterFromCondition } from './build-condition';
import { emptyGroup, newRule } from './filter-model';
import type { FilterGroup, FilterItem } from './filter-model';
import { filterableFields, initialValue, valueFieldFor } from './filter-fields';
import { operatorsFor } from './filter-operators';
import type { FilterOperator } from './filter-operators';

const deal: ObjectDef = {
  kind: 'object',
  name: 'deal',
  label: { en: 'Deal', 'zh-CN': '交易' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
    amount: { type: 'currency' },
    seats: { type: 'integer' },
    status: { type: 'select', options: [{ key: 'open', label: 'Open' }, { key: 'won', label: 'Won' }] },
    regions: { type: 'multiselect', options: [{ key: 'east', label: 'East' }, { key: 'west', label: 'West' }] },
    account: { type: 'relation', target: 'account' },
    tags: { type: 'tags' },
    closed: { type: 'boolean' },
    close_date: { type: 'date' },
    notes: { type: 'json' },
    lines: { type: 'relation', target: 'account', relationType: 'oneToMany', inverseOf: 'deal' },
    old: { type: 'text', archived: true },
  },
};
const account: ObjectDef = { kind: 'object', name: 'account', label: 'Account', titleField: 'name', fields: { name: { type: 'text' } } };
const set: Partial<MetadataSet> = { objects: { deal, account } };

const group = (logic: 'and' | 'or', ...items: FilterItem[]): FilterGroup => ({ ...emptyGroup(logic), items });
const parses = (json: unknown) => parseCondition(json, { object: 'deal', set }).errors;

describe('buildCondition', () => {
  it('writes one comparison as { field: { $op: value } }', () => {
    expect(buildCondition(group('and', newRule('amount', '$gte', 1000)))).toEqual({ amount: { $gte: 1000 } });
    expect(buildCondition(group('and', newRule('status', '$eq', 'won')))).toEqual({ status: { $eq: 'won' } });
  });

  it('joins several comparisons with $and or $or, in order', () => {
    const and = group('and', newRule('name', '$contains', 'acme'), newRule('closed', '$eq', false));
    expect(buildCondition(and)).toEqual({ $and: [{ name: { $contains: 'acme' } }, { closed: { $eq: false } }] });
    const or = group('or', newRule('status', '$in', ['open', 'won']), newRule('close_date', '$lt', '2026-01-01'));
    expect(buildCondition(or)).toEqual({ $or: [{ status: { $in: ['open', 'won'] } }, { close_date: { $lt: '2026-01-01' } }] });
  });

  it('nests groups: AND of a comparison and an OR group', () => {
    const tree = group(
      'and',
      newRule('amount', '$gt', 100000),
      group('or', newRule('account', '$eq', 'a-1'), newRule('tags', '$contains', 'vip')),
    );
    expect(buildCondition(tree)).toEqual({
      $and: [{ amount: { $gt: 100000 } }, { $or: [{ account: { $eq: 'a-1' } }, { tags: { $contains: 'vip' } }] }],
    });
  });

  it('writes flags and lists as the language spells them', () => {
    const tree = group(
      'and',
      newRule('close_date', '$exists', true),
      newRule('account', '$empty', false),
      newRule('regions', '$nin', ['west']),
      newRule('name', '$startsWith', 'Ac'),
      newRule('seats', '$ne', 3),
    );
    expect(buildCondition(tree)).toEqual({
      $and: [
        { close_date: { $exists: true } },
        { account: { $empty: false } },
        { regions: { $nin: ['west'] } },
        { name: { $startsWith: 'Ac' } },
        { seats: { $ne: 3 } },
      ],
    });
  });

  it('leaves out unfinished comparisons and empty groups; nothing left is null', () => {
    expect(buildCondition(emptyGroup())).toBeNull();
    expect(buildCondition(group('and', newRule('', '$eq', 'x'), newRule('name', '$eq', ''), newRule('status', '$in', [])))).toBeNull();
    const tree = group('or', newRule('name', '$eq', null), group('and'), newRule('seats', '$lt', 0));
    expect(buildCondition(tree)).toEqual({ seats: { $lt: 0 } });
    expect(buildCondition(group('and', group('or', newRule('seats', '$lt', 5))))).toEqual({ seats: { $lt: 5 } });
  });

  it('counts the finished comparisons at any depth', () => {
    const tree = group('and', newRule('seats', '$lt', 5), newRule('name', '$eq', ''), group('or', newRule('closed', '$eq', true)));
    expect(countRules(tree)).toBe(2);
  });

  it('emits conditions that @loom/metadata parses without errors', () => {
    const tree = group(
      'and',
      newRule('amount', '$gte', 10.5),
      group('or', newRule('status', '$in', ['open']), newRule('regions', '$contains', 'east'), newRule('owner', '$eq', 'u-1')),
      newRule('created_at', '$gte', '2026-01-01T00:00:00.000Z'),
    );
    expect(parses(buildCondition(tree))).toEqual([]);
  });
});

describe('filterFromCondition', () => {
  it('restores what buildCondition wrote', () => {
    const tree = group(
      'and',
      newRule('amount', '$gt', 5),
      group('or', newRule('status', '$eq', 'won'), newRule('name', '$contains', 'x')),
    );
    const json = buildCondition(tree);
    expect(buildCondition(filterFromCondition(json)!)).toEqual(json);
    const or = { $or: [{ seats: { $lt: 1 } }, { seats: { $gt: 9 } }] };
    const restored = filterFromCondition(or)!;
    expect(restored.logic).toBe('or');
    expect(buildCondition(restored)).toEqual(or);
  });

  it('reads the shorthand { field: value } as $eq, and several operators of a field as AND', () => {
    expect(buildCondition(filterFromCondition({ status: 'won' })!)).toEqual({ status: { $eq: 'won' } });
    expect(buildCondition(filterFromCondition({ seats: { $gte: 1, $lte: 9 } })!)).toEqual({
      $and: [{ seats: { $gte: 1 } }, { seats: { $lte: 9 } }],
    });
  });

  it('gives up on what the builder cannot show', () => {
    expect(filterFromCondition({ $not: { status: 'won' } })).toBeNull();
    expect(filterFromCondition({ close_date: { $anniversary: '$today' } })).toBeNull();
    expect(filterFromCondition('status')).toBeNull();
  });
});

describe('filter fields and operators', () => {
  const fields = filterableFields(deal, set, 'zh-CN');

  it('offers live comparable fields, labelled in the language, then owner and dates', () => {
    const names = fields.map((field) => field.name);
    expect(names).toEqual(['name', 'amount', 'seats', 'status', 'regions', 'account', 'tags', 'closed', 'close_date', 'owner', 'created_at', 'updated_at']);
    expect(fields[0]!.label).toBe('名称');
    expect(fields.find((field) => field.name === 'owner')!.label).toBe('负责人');
  });

  const samples: Record<string, unknown> = {
    name: 'acme', amount: 12.5, seats: 3, status: 'won', regions: 'east', account: 'a-1', tags: 'vip',
    closed: true, close_date: '2026-03-01', owner: 'u-1', created_at: '2026-03-01T10:00:00Z', updated_at: '2026-03-01T10:00:00Z',
  };
  const sampleFor = (name: string, operator: FilterOperator): unknown => {
    if (operator === '$exists' || operator === '$empty') return true;
    if (operator === '$in' || operator === '$nin') return [samples[name]];
    return samples[name];
  };

  it('offers only operators the condition parser accepts for each field', () => {
    for (const field of fields) {
      const operators = operatorsFor(field.kind);
      expect(operators.length, field.name).toBeGreaterThan(0);
      for (const operator of operators) {
        const json = { [field.name]: { [operator]: sampleFor(field.name, operator) } };
        expect(parses(json), `${field.name} ${operator}`).toEqual([]);
      }
    }
  });

  it('edits values with the registry input of a fitting type', () => {
    const byName = (name: string) => fields.find((field) => field.name === name)!;
    expect(valueFieldFor(byName('amount'), '$gte')).toEqual({ type: 'currency' });
    expect(valueFieldFor(byName('status'), '$eq')).toMatchObject({ type: 'select', options: deal.fields.status!.type === 'select' ? deal.fields.status.options : [] });
    expect(valueFieldFor(byName('status'), '$in')).toMatchObject({ type: 'select', multiple: true });
    expect(valueFieldFor(byName('account'), '$eq')).toEqual({ type: 'relation', target: 'account' });
    expect(valueFieldFor(byName('account'), '$nin')).toEqual({ type: 'relation', target: 'account', multiple: true });
    expect(valueFieldFor(byName('name'), '$in')).toEqual({ type: 'tags' });
    expect(valueFieldFor(byName('close_date'), '$lt')).toEqual({ type: 'date' });
    expect(valueFieldFor(byName('owner'), '$eq')).toEqual({ type: 'user' });
    expect(valueFieldFor(byName('name'), '$empty')).toEqual({ type: 'boolean' });
    expect(initialValue('$exists')).toBe(true);
    expect(initialValue('$in')).toEqual([]);
  });
});
