import { describe, expect, it } from 'vitest';
import type { MetadataSet } from '@loom/metadata';
import { exportCell, exportColumns, exportFilename, sheetName } from './export-columns.js';

const set = {
  objects: {
    contact: {
      kind: 'object', name: 'contact', label: { en: 'Contact', 'zh-CN': '联系人' }, titleField: 'name',
      fields: {
        name: { type: 'text', label: { en: 'Name', 'zh-CN': '姓名' } },
        account: { type: 'relation', target: 'account', label: { en: 'Account', 'zh-CN': '客户' } },
        plain: { type: 'text' },
      },
    },
    account: { kind: 'object', name: 'account', label: 'Account', titleField: 'name', fields: { name: { type: 'text', label: { en: 'Account name' } } } },
  },
} as unknown as MetadataSet;

describe('exportColumns', () => {
  it('labels each path in the locale, falling back to English and to the name', () => {
    expect(exportColumns(set, 'contact', ['name', 'account.name', 'plain', 'owner'], 'zh-CN').map((c) => c.header)).toEqual([
      '姓名 (name)', '客户 / Account name (account.name)', 'plain (plain)', '负责人 (owner)',
    ]);
    expect(exportColumns(set, 'contact', ['name'], 'en')[0]!.header).toBe('Name (name)');
  });
});

describe('exportCell', () => {
  it.each([
    [{ a: 'Acme' }, 'a', 'Acme'],
    [{ a: '=SUM(A1)' }, 'a', "'=SUM(A1)"],
    [{ a: -2 }, 'a', -2],
    [{ a: null }, 'a', null],
    [{}, 'a', null],
    [{ a: true }, 'a', 'true'],
    [{ a: ['vip', '+1'] }, 'a', 'vip; +1'],
    [{ a: ['+1', 'vip'] }, 'a', "'+1; vip"],
    [{ a: { id: 'x', title: 'Acme' } }, 'a', 'Acme'],
    [{ a: { id: 'x', title: null } }, 'a', 'x'],
    [{ a: [{ id: 'x', title: 'One' }, { id: 'y', title: 'Two' }] }, 'a', 'One; Two'],
    [{ a: { id: 'x', name: '@home' } }, 'a.name', "'@home"],
    [{ a: null }, 'a.name', null],
    [{ a: { k: [1] } }, 'a', '{"k":[1]}'],
  ])('%j at %s → %j', (record, path, expected) => {
    expect(exportCell(record, path)).toEqual(expected);
  });
});

describe('names', () => {
  it('names the file after the object and the day, and the sheet after the label', () => {
    expect(exportFilename('account', 'csv', new Date('2026-11-30T23:00:00Z'))).toBe('account-2026-11-30.csv');
    expect(sheetName(set, 'contact', 'zh-CN')).toBe('联系人');
  });
});
