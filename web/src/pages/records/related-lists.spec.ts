import { describe, expect, it } from 'vitest';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import { relatedLists } from './related-lists';

const account: ObjectDef = {
  kind: 'object', name: 'account', label: 'Account', titleField: 'name',
  fields: {
    name: { type: 'text' },
    deals: { type: 'relation', target: 'deal', relationType: 'oneToMany', inverseOf: 'account', label: { en: 'Deals' } },
  },
};
const deal: ObjectDef = {
  kind: 'object', name: 'deal', label: 'Deal', pluralLabel: 'Deals', titleField: 'title',
  fields: {
    title: { type: 'text' },
    account: { type: 'relation', target: 'account' },
    notes: { type: 'textarea' },
    amount: { type: 'currency' },
    stage: { type: 'select', options: [] },
    secret: { type: 'text', hidden: true },
    close_date: { type: 'date' },
    owner_name: { type: 'text' },
  },
};
const contact: ObjectDef = {
  kind: 'object', name: 'contact', label: 'Contact', titleField: 'name',
  fields: { name: { type: 'text' }, account: { type: 'relation', target: 'account' }, old_account: { type: 'relation', target: 'account', archived: true }, tags: { type: 'relation', target: 'account', relationType: 'manyToMany' } },
};

describe('relatedLists', () => {
  it('lists oneToMany fields, then manyToOne fields of other objects pointing here, each once', () => {
    const lists = relatedLists('account', [account, deal, contact]);
    expect(lists.map((list) => list.key)).toEqual(['deal.account', 'contact.account']);
    expect(lists[0]).toMatchObject({ object: 'deal', field: 'account', label: { en: 'Deals' } });
    expect(lists[1]!.label).toBe('Contact');
  });

  it('shows the title field first and a few readable, narrow fields, never the relation back', () => {
    expect(relatedLists('account', [account, deal])[0]!.columns).toEqual(['title', 'amount', 'stage', 'close_date']);
  });

  it('takes order, label and columns from the layout’s relatedLists', () => {
    const layout = { kind: 'layout', name: 'a', object: 'account', sections: [], relatedLists: [{ object: 'contact', relation: 'account', label: 'People', columns: ['name', 'account.name', 'tags'] }] } as unknown as LayoutDef;
    const lists = relatedLists('account', [account, deal, contact], layout);
    expect(lists.map((list) => [list.key, list.label, list.columns])).toEqual([
      ['contact.account', 'People', ['name', 'tags']],
      ['deal.account', { en: 'Deals' }, ['title', 'amount', 'stage', 'close_date']],
    ]);
  });

  it('has none for an object nothing points at, or objects the user cannot read', () => {
    expect(relatedLists('deal', [account, deal, contact])).toEqual([]);
    expect(relatedLists('account', [account])).toEqual([]);
  });
});
