import { describe, expect, it } from 'vitest';
import { USERS } from '../query/fixtures/crm-ids.fixture.js';
import { buildAbility } from './build-ability.js';
import { compileRoleSet } from './compile-role-set.js';
import { explainDecision } from './explain-decision.js';
import { permissionSet } from './permission-set.fixture.js';

const set = permissionSet();
const [me, teammate, report] = USERS;
function explain(roles: string[], input: { action: 'read' | 'update' | 'delete'; field?: string; record?: Record<string, unknown> | null; shareId?: string }) {
  const compiled = compileRoleSet(roles, set);
  const ability = buildAbility(compiled, { user: { id: me, team: [me, teammate], subordinates: [report] } });
  return explainDecision({ decision: compiled.objects.get('opportunity')!, ability, ...input });
}

describe('explainDecision', () => {
  it('names the grant that decides, with the combined scope', () => {
    expect(explain(['sales_rep'], { action: 'read', field: 'name' })).toEqual({
      allowed: true, decidedBy: { role: 'sales_rep', rule: '/objects/opportunity/read' }, scope: 'team', fields: { name: 'write' },
    });
    expect(explain(['sales_rep', 'auditor'], { action: 'read', field: 'name' }).scope).toEqual({ $or: [
      { $or: [{ owner: { $in: '$user.team' } }, { owner: '$user.id' }] }, { amount: { $gte: 100000 } },
    ] });
    expect(explain(['sales_rep', 'admin'], { action: 'read', field: 'name' }).scope).toBe('all');
  });

  it('on a record: the first role whose scope holds it, else nobody', () => {
    expect(explain(['sales_rep', 'auditor'], { action: 'read', record: { owner: report, amount: 200000 } }).decidedBy).toEqual({ role: 'auditor', rule: '/objects/opportunity/read' });
    expect(explain(['sales_rep'], { action: 'update', record: { owner: teammate } })).toMatchObject({ allowed: false, decidedBy: { role: null, rule: null } });
    expect(explain(['sales_rep'], { action: 'read', record: null })).toMatchObject({ allowed: false, decidedBy: { role: null, rule: null } });
  });

  it('a field the role may not read or write decides against, naming the field rule', () => {
    expect(explain(['sales_rep'], { action: 'read', field: 'cost', record: { owner: me } })).toEqual({
      allowed: false, decidedBy: { role: 'sales_rep', rule: '/objects/opportunity/fields/cost' }, scope: 'team', fields: { cost: 'none' },
    });
    expect(explain(['sales_rep'], { action: 'update', field: 'discount' })).toMatchObject({ allowed: false, decidedBy: { rule: '/objects/opportunity/fields/discount' } });
  });

  it('a share allows what the roles grant on the object at all, and is named as the rule', () => {
    expect(explain(['sales_rep'], { action: 'update', record: { owner: teammate }, shareId: 's1' }).decidedBy).toEqual({ role: null, rule: '/shares/s1' });
    expect(explain(['sales_rep'], { action: 'delete', record: { owner: teammate }, shareId: 's1' }).allowed).toBe(false);
  });
});
