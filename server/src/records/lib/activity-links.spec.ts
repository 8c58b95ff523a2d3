import { describe, expect, it } from 'vitest';
import type { MetadataSet } from '@loom/metadata';
import { activityLinks } from './activity-links.js';

const rel = (target: string, extra = {}) => ({ type: 'relation', target, ...extra });
const set = {
  objects: {
    account: { name: 'account', fields: { parent: rel('account') } },
    contact: { name: 'contact', fields: { account: rel('account') } },
    activity: { name: 'activity', fields: { account: rel('account'), contact: rel('contact'), old_account: rel('account') } },
    task: { name: 'task', fields: { account: rel('account', { archived: true }) } },
    visit: { name: 'visit', fields: { related_account: rel('account'), accounts: rel('account', { relationType: 'manyToMany' }) } },
    gone: { name: 'gone', archived: true, fields: { related_account: rel('account') } },
  },
} as unknown as MetadataSet;

describe('activityLinks', () => {
  it('takes activity objects linked by the object name and related_* fields anywhere', () => {
    expect(activityLinks(set, 'account')).toEqual([{ object: 'activity', field: 'account' }, { object: 'visit', field: 'related_account' }]);
    expect(activityLinks(set, 'contact')).toEqual([{ object: 'activity', field: 'contact' }]);
  });

  it('leaves out related lists, archived fields and objects, and other relation kinds', () => {
    expect(activityLinks(set, 'lead')).toEqual([]);
  });
});
