import { describe, expect, it } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import { doublyMapped, importTargets, matchColumns } from './match-columns';

const contact = {
  name: 'contact',
  label: { en: 'Contact', 'zh-CN': '联系人' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { en: 'Full name', 'zh-CN': '姓名' } },
    email: { type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
    code: { type: 'autonumber', label: 'Code' },
    score: { type: 'formula', label: 'Score', expression: '1' },
    old: { type: 'text', label: 'Old', archived: true },
    locked: { type: 'text', label: 'Locked', readOnly: true },
    account: { type: 'relation', target: 'account', label: { en: 'Account', 'zh-CN': '客户' } },
    tags: { type: 'relation', target: 'tag', relationType: 'manyToMany', label: 'Tags' },
  },
} as unknown as ObjectDef;

describe('importTargets', () => {
  it('offers stored, live, writable fields and owner, never computed, archived or read-only ones', () => {
    expect(importTargets(contact, 'en').map((t) => t.name)).toEqual(['name', 'email', 'account', 'owner']);
    expect(importTargets(contact, 'zh-CN').find((t) => t.name === 'email')?.label).toBe('邮箱');
  });
});

describe('matchColumns', () => {
  const targets = importTargets(contact, 'en');

  it('matches by field name, English or Chinese label, and the export header form, ignoring case and spaces', () => {
    expect(matchColumns(['EMAIL', ' full  name ', '客户', 'Owner'], contact, targets)).toEqual({
      EMAIL: 'email', ' full  name ': 'name', 客户: 'account', Owner: 'owner',
    });
    expect(matchColumns(['Email (email)', '姓名', '负责人'], contact, targets)).toEqual({ 'Email (email)': 'email', 姓名: 'name', 负责人: 'owner' });
  });

  it('skips unknown columns and columns for fields an import cannot fill', () => {
    expect(matchColumns(['Notes', 'Code', 'Score', 'Old', 'Locked'], contact, targets)).toEqual({ Notes: null, Code: null, Score: null, Old: null, Locked: null });
  });

  it('maps a field once: the first column that names it wins', () => {
    expect(matchColumns(['email', 'Email'], contact, targets)).toEqual({ email: 'email', Email: null });
  });
});

describe('doublyMapped', () => {
  it('names the fields that more than one column fills', () => {
    expect(doublyMapped({ a: 'email', b: 'name', c: 'email', d: null, e: null })).toEqual(['email']);
    expect(doublyMapped({ a: 'email', b: null })).toEqual([]);
  });
});
