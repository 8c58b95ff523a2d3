import { describe, expect, it } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import { bulkEditableFields, rowErrorLines, targetFilter } from './bulk-target';

const lead = {
  name: 'lead',
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
    status: { type: 'select', label: 'Status', options: [{ key: 'new' }] },
    email: { type: 'email', label: 'Email', unique: true },
    code: { type: 'autonumber', label: 'Code' },
    total: { type: 'formula', label: 'Total', expression: '1' },
    notes: { type: 'text', label: 'Notes', readOnly: true },
    gone: { type: 'text', label: 'Gone', archived: true },
    contacts: { type: 'relation', target: 'contact', relationType: 'oneToMany', inverseOf: 'lead', label: 'Contacts' },
    account: { type: 'relation', target: 'account', label: 'Account' },
  },
} as unknown as ObjectDef;

describe('targetFilter', () => {
  it('selects the ticked rows by id', () => {
    expect(targetFilter({ kind: 'selected', rows: [{ id: 'a' }, { id: 'b' }] })).toEqual({ id: { $in: ['a', 'b'] } });
  });

  it('uses the list filter for every matching record, {} when there is none', () => {
    expect(targetFilter({ kind: 'matching', filter: { status: { $eq: 'new' } }, total: 3 })).toEqual({ status: { $eq: 'new' } });
    expect(targetFilter({ kind: 'matching', filter: null, total: 10 })).toEqual({});
  });
});

describe('bulkEditableFields', () => {
  it('offers stored, writable, non-unique fields only', () => {
    expect(bulkEditableFields(lead, 'zh-CN').map((f) => [f.name, f.label])).toEqual([['name', '名称'], ['status', 'Status'], ['account', 'Account']]);
  });
});

describe('rowErrorLines', () => {
  it('names each failed row by its title when the list has it, else by id, with its messages', () => {
    const lines = rowErrorLines(
      [
        { index: 0, id: 'a', status: 422, errors: [{ path: '/status', message: 'is not an option' }] },
        { index: 1, id: 'zz', status: 423, errors: [{ path: '', message: 'locked by an approval' }] },
      ],
      [{ id: 'a', name: 'Ada' }],
      'name',
    );
    expect(lines).toEqual([
      { key: '0:a', record: 'Ada', messages: ['status: is not an option'] },
      { key: '1:zz', record: 'zz', messages: ['locked by an approval'] },
    ]);
  });
});
