import { describe, expect, it } from 'vitest';
import type { MetadataSet } from '@loom/metadata';
import { inboundRelations } from './inbound-relations.js';

const rel = (target: string, extra = {}) => ({ type: 'relation', target, ...extra });
const set = {
  objects: {
    account: { name: 'account', fields: { parent: rel('account'), contacts: rel('contact', { relationType: 'oneToMany', inverseOf: 'account' }) } },
    contact: { name: 'contact', fields: { account: rel('account'), accounts: rel('account', { relationType: 'manyToMany' }), name: { type: 'text' } } },
    old: { name: 'old', archived: true, fields: { account: rel('account') } },
  },
} as unknown as MetadataSet;

describe('inboundRelations', () => {
  it('lists manyToOne columns and manyToMany join tables pointing at the object, its own included', () => {
    expect(inboundRelations(set, 'account')).toEqual([
      { object: 'account', field: 'parent', kind: 'manyToOne', storage: 'parent_id' },
      { object: 'contact', field: 'account', kind: 'manyToOne', storage: 'account_id' },
      { object: 'contact', field: 'accounts', kind: 'manyToMany', storage: 'contact__accounts' },
    ]);
  });

  it('leaves out oneToMany inverses and archived objects', () => {
    expect(inboundRelations(set, 'contact')).toEqual([]);
  });
});
