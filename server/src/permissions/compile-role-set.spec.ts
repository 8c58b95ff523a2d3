import { parseCondition, type ConditionNode } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { compileWhere } from '../query/index.js';
import { fixtureContext, USERS } from '../query/fixtures/crm-ids.fixture.js';
import { compileRoleSet } from './compile-role-set.js';
import { expandRoles } from './expand-roles.js';
import { permissionSet } from './permission-set.fixture.js';
import { NEVER_CONDITION, type RecordAction } from './permission-types.js';

const set = permissionSet();
const parse = (json: unknown, object = 'opportunity'): ConditionNode => parseCondition(json, { object, set }).ast!;
const decide = (roles: string[], object: string, action: RecordAction) => compileRoleSet(roles, set).objects.get(object)!.actions[action];
/** The WHERE a scope compiles to, after `deleted_at IS NULL`. */
function scopeSql(roles: string[], object: string, action: RecordAction) {
  const { where, params } = compileWhere({ object, set, ctx: fixtureContext(), scope: decide(roles, object, action).scope });
  return { sql: where.replace(/^"t0"\."deleted_at" IS NULL( AND )?/, ''), params };
}

describe('expandRoles', () => {
  it('adds inherited roles transitively, each once, and survives cycles and unknown names', () => {
    expect(expandRoles(['sales_manager'], set).map((r) => r.name)).toEqual(['sales_manager', 'sales_rep', 'employee']);
    expect(expandRoles(['cyclic_a', 'nobody'], set).map((r) => r.name)).toEqual(['cyclic_a', 'cyclic_b']);
  });
});

describe('compileRoleSet: every scope kind → ConditionNode and SQL', () => {
  it.each([
    ['all', ['sales_rep'], 'account', 'read', undefined, '', []],
    ['own', ['sales_rep'], 'opportunity', 'update', parse({ owner: '$user.id' }), '"t0"."owner" = $1', [USERS[0]]],
    ['team (or own)', ['sales_rep'], 'opportunity', 'read', parse({ $or: [{ owner: { $in: '$user.team' } }, { owner: '$user.id' }] }),
      '("t0"."owner" = ANY($1) OR "t0"."owner" = $2)', [[USERS[0], USERS[1]], USERS[0]]],
    ['a condition', ['auditor'], 'opportunity', 'read', parse({ amount: { $gte: 100000 } }), '"t0"."amount" >= $1', [100000]],
    ['a condition with a variable', ['sales_rep'], 'account', 'update', parse({ owner: '$user.id' }, 'account'), '"t0"."owner" = $1', [USERS[0]]],
    ['none (not granted)', ['sales_rep'], 'opportunity', 'delete', NEVER_CONDITION, 'FALSE', []],
    ['false', ['auditor'], 'opportunity', 'create', NEVER_CONDITION, 'FALSE', []],
    ['no role mentions the object', ['sales_rep'], 'contact', 'read', NEVER_CONDITION, 'FALSE', []],
  ] as const)('%s', (_, roles, object, action, node, sql, params) => {
    expect(decide([...roles], object, action).scope).toEqual(node);
    expect(scopeSql([...roles], object, action)).toEqual({ sql, params });
  });

  it('subordinates → owner in $user.subordinates OR own', () => {
    const { scope } = compileRoleSet(['sales_manager'], set).objects.get('opportunity')!.actions.read;
    // sales_manager (subordinates) OR sales_rep (team), inherited
    expect(scope).toEqual({ kind: 'or', items: [
      parse({ $or: [{ owner: { $in: '$user.subordinates' } }, { owner: '$user.id' }] }),
      parse({ $or: [{ owner: { $in: '$user.team' } }, { owner: '$user.id' }] }),
    ] });
    expect(scopeSql(['sales_manager'], 'opportunity', 'read').sql).toBe(
      '(("t0"."owner" = ANY($1) OR "t0"."owner" = $2) OR ("t0"."owner" = ANY($3) OR "t0"."owner" = $4))');
  });
});

describe('compileRoleSet: OR across roles', () => {
  it('ORs the scopes of several roles, listing each grant with its role and rule', () => {
    const read = decide(['sales_rep', 'auditor'], 'opportunity', 'read');
    expect(read.grants.map((g) => [g.role, g.rule, g.scope])).toEqual([
      ['sales_rep', '/objects/opportunity/read', 'team'],
      ['auditor', '/objects/opportunity/read', { amount: { $gte: 100000 } }],
    ]);
    expect(scopeSql(['sales_rep', 'auditor'], 'opportunity', 'read').sql).toBe(
      '(("t0"."owner" = ANY($1) OR "t0"."owner" = $2) OR "t0"."amount" >= $3)');
  });

  it('lets an unrestricted grant win over every condition', () => {
    expect(decide(['sales_rep', 'admin'], 'opportunity', 'read').scope).toBeUndefined();
  });

  it('takes grants from inherited roles, and the same condition twice only once', () => {
    expect(decide(['sales_manager'], 'tag', 'read').grants.map((g) => g.role)).toEqual(['employee']);
    expect(decide(['sales_rep', 'sales_manager'], 'opportunity', 'update').scope).toEqual({ kind: 'or', items: [
      parse({ owner: '$user.id' }), parse({ $or: [{ owner: { $in: '$user.team' } }, { owner: '$user.id' }] }),
    ] });
  });

  it('voids a scope that does not parse (fail closed) and reports it', () => {
    const compiled = compileRoleSet(['broken'], set);
    expect(compiled.objects.get('contact')!.actions.read.scope).toEqual(NEVER_CONDITION);
    expect(compiled.problems).toEqual([{ role: 'broken', rule: '/objects/contact/read', message: expect.stringContaining('does not parse') }]);
  });
});

describe('compileRoleSet: field access', () => {
  const fields = (roles: string[], object = 'opportunity') => compileRoleSet(roles, set).objects.get(object)!.fields;

  it('defaults to write on a writable object and read on a readable one, explicit entries win', () => {
    const f = fields(['sales_rep']);
    expect([f.name.access, f.cost.access, f.discount.access]).toEqual(['write', 'none', 'read']);
    expect(fields(['sales_rep'], 'account').name.access).toBe('write');
    expect(fields(['employee'], 'tag').name.access).toBe('read');
    expect(f.cost.decidedBy).toEqual({ role: 'sales_rep', rule: '/objects/opportunity/fields/cost' });
  });

  it('takes the most permissive access across roles, capped by what each role may do with the object', () => {
    expect(fields(['sales_rep', 'sales_manager']).cost).toEqual({ access: 'read', decidedBy: { role: 'sales_manager', rule: '/objects/opportunity/fields/cost' } });
    // auditor says cost: write but may only read opportunities
    expect(fields(['auditor']).cost.access).toBe('read');
  });

  it('keeps computed and read-only fields at read, system fields readable, owner writable only with scope all or team on update', () => {
    expect(fields(['sales_rep']).weighted.access).toBe('read');
    expect(fields(['sales_rep']).created_by.access).toBe('read');
    expect(fields(['sales_rep']).owner.access).toBe('read');
    expect(fields(['sales_manager']).owner).toEqual({ access: 'write', decidedBy: { role: 'sales_manager', rule: '/objects/opportunity/update' } });
    expect(fields(['sales_rep'], 'contact').name.access).toBe('none');
  });

  it('lists hidden fields: none-access ones, and everything of an object the roles cannot read', () => {
    const compiled = compileRoleSet(['sales_rep'], set);
    // margin, a formula over cost, is hidden by the query compiler's FieldVisibility, not listed here
    expect([...compiled.objects.get('opportunity')!.hidden]).toEqual(['cost']);
    expect(compiled.objects.get('contact')!.hidden).toContain('owner');
    expect(compiled.objects.get('contact')!.hidden).toContain('name');
  });
});

describe('compileRoleSet: admin', () => {
  it('grants every object and field to a role with admin: true, through ordinary grants', () => {
    const compiled = compileRoleSet(['admin'], set);
    expect(compiled.admin).toBe(true);
    for (const decision of compiled.objects.values()) {
      for (const action of ['read', 'create', 'update', 'delete'] as const) {
        expect(decision.actions[action]).toMatchObject({ scope: undefined, grants: [{ role: 'admin', rule: '/admin', scope: 'all' }] });
      }
      expect(decision.hidden.size).toBe(0);
    }
    expect(compiled.objects.get('opportunity')!.fields.cost.access).toBe('write');
  });
});
