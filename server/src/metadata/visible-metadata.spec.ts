import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../auth/current-user.js';
import { permissionSet } from '../permissions/permission-set.fixture.js';
import { visibleMetadata } from './visible-metadata.js';

const user = { id: 'u' } as CurrentUser;

describe('visibleMetadata', () => {
  const set = permissionSet();
  set.layouts.opportunity_default = {
    kind: 'layout', name: 'opportunity_default', object: 'opportunity',
    sections: [{ name: 'main', fields: ['name', 'cost', 'amount'] }], list: { columns: ['name', 'cost'], sort: ['-cost', 'name'] },
  };
  set.layouts.contact_default = { kind: 'layout', name: 'contact_default', object: 'contact', sections: [{ name: 'main', fields: ['name'] }] };
  const mask = (object: string) => ({ readable: object !== 'contact', hidden: new Set(object === 'opportunity' ? ['cost'] : []) });

  it('drops archived definitions only, without a mask (admins)', () => {
    const all = visibleMetadata(set, user);
    expect(Object.keys(all.objects)).toEqual(['account', 'contact', 'opportunity', 'tag']);
    expect(all.objects.opportunity!.fields).toHaveProperty('cost');
    expect(all.objects.opportunity!.fields).not.toHaveProperty('old_code');
  });

  it('removes unreadable objects with what is about them, and masked fields from objects and layouts', () => {
    const seen = visibleMetadata(set, user, mask);
    expect(Object.keys(seen.objects)).toEqual(['account', 'opportunity', 'tag']);
    expect(seen.objects.opportunity!.fields).not.toHaveProperty('cost');
    expect(Object.keys(seen.layouts)).toEqual(['opportunity_default']);
    expect(seen.layouts.opportunity_default).toMatchObject({ sections: [{ fields: ['name', 'amount'] }], list: { columns: ['name'], sort: ['name'] } });
    expect(Object.keys(seen.pipelines)).toEqual(['sales']);
  });

  it('masks field entries that carry a visibility rule like plain names, keeping the others’ rules', () => {
    const withRules = permissionSet();
    withRules.layouts.opportunity_default = {
      kind: 'layout', name: 'opportunity_default', object: 'opportunity',
      sections: [{ name: 'main', visibleWhen: { amount: { $gt: 0 } }, fields: ['name', { field: 'cost', visibleWhen: { amount: { $gt: 1 } } }, { field: 'amount', visibleWhen: { name: 'x' } }] }],
    };
    const seen = visibleMetadata(withRules, user, mask);
    expect(seen.layouts.opportunity_default!.sections).toEqual([
      { name: 'main', visibleWhen: { amount: { $gt: 0 } }, fields: ['name', { field: 'amount', visibleWhen: { name: 'x' } }] },
    ]);
  });
});
