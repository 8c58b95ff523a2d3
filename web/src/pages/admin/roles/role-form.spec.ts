import { describe, expect, it } from 'vitest';
import type { RoleDef } from '@loom/metadata';
import { objectPermissionForm, roleDocument, roleForm, scopeForm, scopeFromForm, setFieldAccess } from './role-form';

const roles = import.meta.glob('../../../../../metadata/crm/roles/*.json', { eager: true, import: 'default' }) as Record<string, RoleDef>;

describe('role form', () => {
  it('finds the base CRM roles', () => {
    expect(Object.keys(roles).length).toBeGreaterThanOrEqual(8);
  });

  it.each(Object.entries(roles).map(([path, role]) => [path.split('/').pop(), role] as const))('round-trips %s exactly', (_file, role) => {
    expect(roleDocument(roleForm(role, ['account', 'ticket', 'zzz_other']))).toEqual(role);
  });

  it('reads and writes every kind of scope', () => {
    for (const scope of ['all', 'team', 'subordinates', 'own', 'none', true, false, { owner: '$user.id' }] as const) {
      expect(scopeFromForm(scopeForm(scope))).toEqual(scope);
    }
    expect(scopeForm(undefined)).toEqual({ kind: 'unset' });
    expect(scopeFromForm({ kind: 'condition', condition: {} })).toBeUndefined();
  });

  it('changes field access in the matrix and writes only what differs from the default', () => {
    const role: RoleDef = { kind: 'role', name: 'rep', objects: { opportunity: { read: 'team', fields: { cost: 'none' } } } };
    const form = roleForm(role, ['opportunity', 'account']);
    const opportunity = form.objects[0]!;
    setFieldAccess(opportunity, 'cost', 'read');
    setFieldAccess(opportunity, 'discount', 'write');
    opportunity.update = { kind: 'condition', condition: { owner: '$user.id' } };
    form.objects[1]!.read = { kind: 'all' };
    expect(roleDocument(form)).toEqual({
      kind: 'role', name: 'rep',
      objects: {
        opportunity: { read: 'team', update: { owner: '$user.id' }, fields: { cost: 'read', discount: 'write' } },
        account: { read: 'all' },
      },
    });
    setFieldAccess(opportunity, 'cost', 'default');
    setFieldAccess(opportunity, 'discount', 'default');
    expect(roleDocument(form).objects?.opportunity).toEqual({ read: 'team', update: { owner: '$user.id' } });
  });

  it('leaves out objects the role does not mention, keeps ones it listed empty', () => {
    expect(roleDocument(roleForm({ kind: 'role', name: 'r' }, ['account']))).toEqual({ kind: 'role', name: 'r' });
    const listed = objectPermissionForm('ticket', {});
    expect(roleDocument({ ...roleForm({ kind: 'role', name: 'r' }), objects: [listed] }).objects).toEqual({ ticket: {} });
  });

  it('writes labels, admin and inherits', () => {
    const form = roleForm({ kind: 'role', name: 'lead_rep' });
    form.label = { en: 'Lead rep', zh: '线索专员', plain: false };
    form.admin = false;
    form.inherits = ['read_only'];
    expect(roleDocument(form)).toEqual({ kind: 'role', name: 'lead_rep', label: { en: 'Lead rep', 'zh-CN': '线索专员' }, admin: false, inherits: ['read_only'] });
  });
});
