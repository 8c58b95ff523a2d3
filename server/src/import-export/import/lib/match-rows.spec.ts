import { loadBaseCrm } from '@loom/metadata/node';
import { describe, expect, it } from 'vitest';
import { fileDuplicates, matchKey, matchRules } from './match-rows.js';

const contact = loadBaseCrm().objects.contact!;

describe('matchRules', () => {
  it('uses matchOn, else the exact duplicate rules the file fills and the caller may read', () => {
    expect(matchRules(contact, { matchOn: ['name'], mode: 'create' }, ['name'])).toEqual([['name']]);
    expect(matchRules(contact, { matchOn: [], mode: 'create' }, ['name', 'email', 'mobile'])).toEqual([['email'], ['mobile']]);
    expect(matchRules(contact, { matchOn: [], mode: 'create' }, ['name', 'email', 'mobile'], new Set(['mobile']))).toEqual([['email']]);
    expect(matchRules(contact, { matchOn: [], mode: 'upsert' }, ['email'])).toEqual([]);
  });
});

describe('matching rows', () => {
  it('keys rows by the rule values, never on blanks', () => {
    expect(matchKey({ name: 'Li', account: 'a1' }, ['name', 'account'])).toBe('["Li","a1"]');
    expect(matchKey({ name: 'Li' }, ['name', 'account'])).toBeNull();
  });

  it('reports later rows repeating an earlier one of the file', () => {
    const rows = [
      { row: 2, values: { email: 'a@x.cn', mobile: '+8613800138000' } },
      { row: 3, values: { email: 'b@x.cn', mobile: '+8613800138000' } },
      { row: 4, values: { email: 'a@x.cn' } },
      { row: 5, values: { email: 'c@x.cn' }, skip: true },
      { row: 6, values: { email: 'c@x.cn' } },
    ];
    expect([...fileDuplicates(rows, [['email'], ['mobile']]).values()]).toEqual([
      { row: 4, sameAsRow: 2, match: ['email'] }, { row: 3, sameAsRow: 2, match: ['mobile'] },
    ]);
  });
});
