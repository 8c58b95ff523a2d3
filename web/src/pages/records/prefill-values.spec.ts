import { describe, expect, it } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import { prefillValues } from './prefill-values';

const contact: ObjectDef = {
  kind: 'object', name: 'contact', label: 'Contact', titleField: 'name',
  fields: {
    name: { type: 'text' },
    account: { type: 'relation', target: 'account' },
    code: { type: 'autonumber', pattern: 'C-{0000}' },
    note: { type: 'text', readOnly: true },
  },
};

describe('prefillValues', () => {
  it('takes writable form fields from the query, relations with the title passed along', () => {
    expect(prefillValues(contact, { account: 'a1', name: 'Ann' }, { account: 'Acme' })).toEqual({ account: { id: 'a1', title: 'Acme' }, name: 'Ann' });
    expect(prefillValues(contact, { account: 'a1' })).toEqual({ account: 'a1' });
  });

  it('ignores unknown, computed and read-only fields, empty and repeated values', () => {
    expect(prefillValues(contact, { code: 'C-1', note: 'x', other: 'y', name: ['a', 'b'], account: '' })).toEqual({});
  });
});
