import type { MetadataSet, RoleDef } from '@loom/metadata';
import { crmSet } from '../query/fixtures/crm-set.fixture.js';

const role = (name: string, def: Omit<RoleDef, 'kind' | 'name'>): RoleDef => ({ kind: 'role', name, ...def });

/** The query fixture's objects (account, contact, opportunity, tag) with roles shaped like the base CRM's. */
export function permissionSet(): MetadataSet {
  const set = crmSet();
  set.roles = {
    employee: role('employee', { objects: { tag: { read: 'all' } } }),
    sales_rep: role('sales_rep', {
      inherits: ['employee'],
      objects: {
        opportunity: { read: 'team', create: true, update: 'own', delete: 'none', fields: { cost: 'none', discount: 'read' } },
        account: { read: 'all', update: { owner: '$user.id' } },
      },
    }),
    sales_manager: role('sales_manager', {
      inherits: ['sales_rep'],
      objects: { opportunity: { read: 'subordinates', update: 'team', delete: 'team', fields: { cost: 'read' } } },
    }),
    auditor: role('auditor', {
      objects: { opportunity: { read: { amount: { $gte: 100000 } }, create: false, fields: { cost: 'write' } } },
    }),
    cyclic_a: role('cyclic_a', { inherits: ['cyclic_b'], objects: { contact: { read: 'own' } } }),
    cyclic_b: role('cyclic_b', { inherits: ['cyclic_a', 'missing_role'], objects: { contact: { read: 'team' } } }),
    broken: role('broken', { objects: { contact: { read: { no_such_field: 1 } } } }),
    admin: role('admin', { admin: true }),
  };
  return set;
}
