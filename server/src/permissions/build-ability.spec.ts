import { describe, expect, it } from 'vitest';
import { USERS } from '../query/fixtures/crm-ids.fixture.js';
import { buildAbility } from './build-ability.js';
import { compileRoleSet } from './compile-role-set.js';
import { permissionSet } from './permission-set.fixture.js';

const set = permissionSet();
const [me, teammate, report] = USERS;
const vars = { user: { id: me, team: [me, teammate], subordinates: [report] } };
const ability = (...roles: string[]) => buildAbility(compileRoleSet(roles, set), vars);
const opp = (owner: string, amount = 10) => ({ id: 'x', owner, amount });

describe('buildAbility: the same grants, checked in memory', () => {
  it('answers object-level questions without a record', () => {
    expect(ability('sales_rep').can('create', 'opportunity')).toBe(true);
    expect(ability('sales_rep').can('delete', 'opportunity')).toBe(false);
    expect(ability('sales_rep').can('read', 'contact')).toBe(false);
  });

  it('evaluates named scopes with the caller’s variables', () => {
    const rep = ability('sales_rep');
    expect(rep.can('read', 'opportunity', opp(teammate))).toBe(true);
    expect(rep.can('read', 'opportunity', opp(report))).toBe(false);
    expect(rep.can('update', 'opportunity', opp(me))).toBe(true);
    expect(rep.can('update', 'opportunity', opp(teammate))).toBe(false);
    expect(ability('sales_manager').can('read', 'opportunity', opp(report))).toBe(true);
  });

  it('ORs roles and names the first role (in the user’s order) whose grant matches', () => {
    const both = ability('sales_rep', 'auditor');
    expect(both.can('read', 'opportunity', opp(report, 200000))).toBe(true);
    expect(both.grantFor('read', 'opportunity', opp(report, 200000))).toMatchObject({ role: 'auditor', rule: '/objects/opportunity/read' });
    expect(both.grantFor('read', 'opportunity', opp(me, 200000))).toMatchObject({ role: 'sales_rep' });
    expect(both.grantFor('read', 'opportunity', opp(report, 5))).toBeUndefined();
  });

  it('checks fields: read needs read access, update needs write', () => {
    const rep = ability('sales_rep');
    expect(rep.can('read', 'opportunity', opp(me), 'amount')).toBe(true);
    expect(rep.can('read', 'opportunity', opp(me), 'cost')).toBe(false);
    expect(rep.can('read', 'opportunity', opp(me), 'discount')).toBe(true);
    expect(rep.can('update', 'opportunity', opp(me), 'discount')).toBe(false);
    expect(rep.can('update', 'opportunity', opp(me), 'amount')).toBe(true);
  });

  it('gives the admin role every action on every object, through its rules', () => {
    const admin = ability('admin');
    expect(admin.can('delete', 'contact', { id: 'x', owner: report })).toBe(true);
    expect(admin.grantFor('update', 'opportunity', opp(report), 'cost')).toMatchObject({ role: 'admin', rule: '/admin' });
  });
});
