import { loadBaseCrm } from '@loom/metadata/node';
import { describe, expect, it } from 'vitest';
import { compileRoleSet } from './compile-role-set.js';
import { isNever } from './permission-types.js';

const set = loadBaseCrm();

describe('the base CRM roles', () => {
  it.each(Object.keys(set.roles))('%s compiles with every scope parsing', (role) => {
    expect(compileRoleSet([role], set).problems).toEqual([]);
  });

  it('sales_director inherits sales_manager and widens its update scope', () => {
    const opp = compileRoleSet(['sales_director'], set).objects.get('opportunity')!;
    expect(opp.actions.read.scope).toBeUndefined();
    expect(opp.actions.update.grants.map((g) => [g.role, g.scope])).toEqual([['sales_director', 'subordinates'], ['sales_manager', 'team']]);
    expect(opp.ownerAssignable).toBe(true);
  });

  it('read_only reads everything and writes nothing; costs stay hidden', () => {
    const compiled = compileRoleSet(['read_only'], set);
    for (const decision of compiled.objects.values()) {
      expect(decision.actions.read.scope).toBeUndefined();
      for (const action of ['create', 'update', 'delete'] as const) expect(isNever(decision.actions[action].scope)).toBe(true);
    }
    expect([...compiled.objects.get('opportunity')!.hidden]).toEqual(['cost', 'margin']);
  });
});
