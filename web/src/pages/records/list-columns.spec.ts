import { describe, expect, it } from 'vitest';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import {
  availableColumns, defaultColumnNames, expandedColumns, sortParam, storeColumnNames, storedColumnNames, tableSort, visibleColumns,
} from './list-columns';

const item: ObjectDef = {
  kind: 'object',
  name: 'item',
  label: 'Item',
  titleField: 'title',
  fields: {
    code: { type: 'text' },
    title: { type: 'text', label: { en: 'Title', 'zh-CN': '标题' } },
    price: { type: 'currency' },
    labels: { type: 'tags' },
    account: { type: 'relation', target: 'account' },
    lines: { type: 'relation', target: 'line', relationType: 'oneToMany', inverseOf: 'item' },
    gone: { type: 'text', archived: true },
    a: { type: 'text' },
    b: { type: 'text' },
    c: { type: 'text' },
  },
};

describe('list columns', () => {
  const available = availableColumns(item, 'zh-CN');

  it('offers live fields then owner and dates, with labels, alignment and sortability', () => {
    expect(available.map((c) => c.name)).toEqual(['code', 'title', 'price', 'labels', 'account', 'a', 'b', 'c', 'owner', 'created_at', 'updated_at']);
    expect(available[1]!.label).toBe('标题');
    expect(available.find((c) => c.name === 'price')).toMatchObject({ align: 'right', sortable: true });
    expect(available.find((c) => c.name === 'labels')!.sortable).toBe(false);
    expect(available.find((c) => c.name === 'owner')!.label).toBe('负责人');
  });

  it('defaults to the layout list columns, else the title field first and five more', () => {
    const layout = { kind: 'layout', name: 'l', object: 'item', sections: [], list: { columns: ['price', 'gone', 'owner'] } } as LayoutDef;
    expect(defaultColumnNames(item, layout, available)).toEqual(['price', 'owner']);
    expect(defaultColumnNames(item, undefined, available)).toEqual(['title', 'code', 'price', 'labels', 'account', 'a']);
  });

  it('remembers the chosen columns per object, dropping ones that no longer exist', () => {
    expect(storedColumnNames('item')).toBeNull();
    storeColumnNames('item', ['price', 'gone', 'title']);
    expect(storedColumnNames('item')).toEqual(['price', 'gone', 'title']);
    expect(storedColumnNames('other')).toBeNull();
    expect(visibleColumns(available, storedColumnNames('item'), ['code']).map((c) => c.name)).toEqual(['price', 'title']);
    expect(visibleColumns(available, ['gone'], ['code']).map((c) => c.name)).toEqual(['code']);
    storeColumnNames('item', null);
    expect(storedColumnNames('item')).toBeNull();
    localStorage.setItem('loom.columns.item', '{broken');
    expect(storedColumnNames('item')).toBeNull();
  });

  it('expands the relation and user columns', () => {
    expect(expandedColumns(visibleColumns(available, ['title', 'account', 'price', 'owner'], []))).toEqual(['account', 'owner']);
  });

  it('maps table sorting to the API sort parameter and back', () => {
    expect(sortParam('amount', 'descending')).toBe('-amount');
    expect(sortParam('name', 'ascending')).toBe('name');
    expect(sortParam('name', null)).toBeNull();
    expect(tableSort('-amount,name')).toEqual({ prop: 'amount', order: 'descending' });
    expect(tableSort('')).toBeUndefined();
  });
});
