import { describe, expect, it } from 'vitest';
import { USERS } from '../query/fixtures/crm-ids.fixture.js';
import { unwritableFields } from './check-field-writes.js';
import { compileRoleSet } from './compile-role-set.js';
import { permissionSet } from './permission-set.fixture.js';

const set = permissionSet();
const obj = set.objects.opportunity!;
const [me, other] = USERS;
const check = (roles: string[], body: Record<string, unknown>, existing?: Record<string, unknown>) =>
  unwritableFields(obj, compileRoleSet(roles, set).objects.get('opportunity')!, body, me, existing).map((p) => p.path);

describe('unwritableFields', () => {
  it('names fields with access none or read', () => {
    expect(check(['sales_rep'], { name: 'A', amount: 1, cost: 5, discount: 3 })).toEqual(['/cost', '/discount']);
  });

  it('lets a read field be sent back unchanged on update, never a none field', () => {
    const existing = { owner: me, discount: 3, cost: 5 };
    expect(check(['sales_rep'], { discount: 3, cost: 5 }, existing)).toEqual(['/cost']);
    expect(check(['sales_rep'], { discount: 4 }, existing)).toEqual(['/discount']);
  });

  it('leaves unknown, system and computed fields to the validator', () => {
    expect(check(['sales_rep'], { nope: 1, created_by: other, id: 'x', weighted: 1 })).toEqual([]);
  });

  it('refuses mass-assigning owner unless a role may update records it does not own', () => {
    expect(check(['sales_rep'], { owner: other })).toEqual(['/owner']);
    expect(check(['sales_rep'], { owner: me })).toEqual([]);
    expect(check(['sales_rep'], { owner: me }, { owner: other })).toEqual(['/owner']);
    expect(check(['sales_rep'], { owner: other }, { owner: other })).toEqual([]);
    expect(check(['sales_manager'], { owner: other })).toEqual([]);
  });
});
