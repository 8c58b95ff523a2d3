import { describe, expect, it } from 'vitest';
import { crmSet } from '../query/fixtures/crm-set.fixture.js';
import { RoleSetCache } from './role-set-cache.js';

describe('RoleSetCache', () => {
  const set = crmSet();

  it('compiles a role set once per revision, whatever the order or the array it comes in', () => {
    const cache = new RoleSetCache();
    const roles = ['sales_rep', 'admin'];
    const first = cache.get(roles, 1, set);
    expect(cache.get(roles, 1, set)).toBe(first);
    expect(cache.get(['admin', 'sales_rep', 'admin'], 1, set)).toBe(first);
    expect(cache.get(['sales_rep'], 1, set)).not.toBe(first);
  });

  it('compiles again for a new revision, also for an array it has seen', () => {
    const cache = new RoleSetCache();
    const roles = ['admin'];
    const first = cache.get(roles, 1, set);
    const next = cache.get(roles, 2, set);
    expect(next).not.toBe(first);
    expect(cache.get(roles, 2, set)).toBe(next);
  });
});
