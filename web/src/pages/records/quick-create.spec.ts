import { describe, expect, it } from 'vitest';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import { highlightRowClass, quickCreateSection } from './quick-create';

const object = {
  name: 'opportunity',
  label: 'Deal',
  titleField: 'name',
  fields: {
    name: { type: 'text', required: true },
    amount: { type: 'currency' },
    number: { type: 'autonumber' },
    close_date: { type: 'date', required: true },
    notes: { type: 'textarea' },
    secret: { type: 'text', required: true, hidden: true },
    old: { type: 'text', required: true, archived: true },
    locked: { type: 'text', required: true, readOnly: true },
  },
} as unknown as ObjectDef;

const layout = {
  name: 'opportunity_default',
  object: 'opportunity',
  sections: [
    { name: 'deal', fields: ['name', 'number', 'amount'] },
    { name: 'more', fields: ['close_date', 'notes'] },
  ],
} as unknown as LayoutDef;

describe('quickCreateSection', () => {
  it('shows the first section’s writable fields, then the other required writable ones', () => {
    expect(quickCreateSection(object, layout)).toEqual({ name: 'quick', label: null, columns: 2, fields: ['name', 'amount', 'close_date'] });
  });

  it('without a layout, shows only the required fields', () => {
    expect(quickCreateSection(object, undefined).fields).toEqual(['name', 'close_date']);
  });

  it('falls back to the title field when nothing is required and there is no layout', () => {
    const plain = { ...object, fields: { name: { type: 'text' }, notes: { type: 'textarea' } } } as unknown as ObjectDef;
    expect(quickCreateSection(plain, undefined).fields).toEqual(['name']);
  });
});

describe('highlightRowClass', () => {
  it('marks only the created row', () => {
    const rowClass = highlightRowClass('r-2');
    expect(rowClass({ row: { id: 'r-2' } })).toBe('row-created');
    expect(rowClass({ row: { id: 'r-1' } })).toBe('');
    expect(highlightRowClass(null)({ row: { id: 'r-2' } })).toBe('');
  });
});
