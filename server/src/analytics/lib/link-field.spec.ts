import { describe, expect, it } from 'vitest';
import { crmSet } from '../../query/fixtures/crm-set.fixture.js';
import { linkField } from './link-field.js';

const set = crmSet();

describe('linkField', () => {
  it('finds the manyToOne field pointing at an object', () => {
    expect(linkField(set, 'opportunity', 'account')).toBe('account');
    expect(linkField(set, 'contact', 'account')).toBe('account');
  });

  it('ignores oneToMany relations and unknown objects', () => {
    expect(linkField(set, 'account', 'contact')).toBeUndefined();
    expect(linkField(set, 'nope', 'account')).toBeUndefined();
  });
});
