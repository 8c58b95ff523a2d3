import { loadBaseCrm } from '@loom/metadata/node';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../common/problem.js';
import { resolveMapping } from './resolve-mapping.js';

const contact = loadBaseCrm().objects.contact!;
const opportunity = loadBaseCrm().objects.opportunity!;
const pathsOf = (fn: () => unknown) => {
  try {
    fn();
    return [];
  } catch (e) {
    return (e as ProblemError).body.errors!.map((x) => `${x.path} ${x.message}`);
  }
};

describe('resolveMapping', () => {
  it('matches columns by field name, English or Chinese label, and the export header', () => {
    const m = resolveMapping(contact, ['name', '邮箱', 'Mobile', 'Account (account)', '备注 (description)', 'Shoe size'], { matchOn: [] });
    expect(m.columns).toEqual([
      { index: 0, column: 'name', field: 'name' }, { index: 1, column: '邮箱', field: 'email' }, { index: 2, column: 'Mobile', field: 'mobile' },
      { index: 3, column: 'Account (account)', field: 'account' }, { index: 4, column: '备注 (description)', field: 'description' },
    ]);
    expect(m.unmapped).toEqual(['Shoe size']);
  });

  it('uses a given mapping, skipping null columns', () => {
    const m = resolveMapping(contact, ['姓名', 'E', 'x'], { mapping: { 姓名: 'name', E: 'email', x: null }, matchOn: ['email'] });
    expect(m.columns.map((c) => c.field)).toEqual(['name', 'email']);
    expect(m.unmapped).toEqual(['x']);
  });

  it('refuses missing columns, computed, generated or read-only fields, doubles and unmapped matchOn', () => {
    expect(pathsOf(() => resolveMapping(contact, ['a'], { mapping: { b: 'name' }, matchOn: [] }))).toContain('/mapping/b is not a column of the file');
    expect(pathsOf(() => resolveMapping(contact, ['a'], { mapping: { a: 'total_spent' }, matchOn: [] }))[0]).toMatch(/^\/mapping\/a "total_spent" is not a field/);
    expect(pathsOf(() => resolveMapping(opportunity, ['a', 'b'], { mapping: { a: 'name', b: 'approval_status' }, matchOn: [] }))[0]).toMatch(/^\/mapping\/b/);
    expect(pathsOf(() => resolveMapping(contact, ['a', 'b'], { mapping: { a: 'name', b: 'name' }, matchOn: [] }))[0]).toMatch(/^\/mapping\/b maps to name/);
    expect(pathsOf(() => resolveMapping(contact, ['name'], { matchOn: ['email'] }))).toEqual(['/matchOn "email" is not filled by any column']);
    expect(pathsOf(() => resolveMapping(contact, ['nothing'], { matchOn: [] }))).toEqual(['/mapping no column matches a field of contact']);
  });
});
