import { describe, expect, it } from 'vitest';
import { hooksWrites } from './hooks-writes.js';

const hooks = (present: string[]) => ({ has: (object: string, hook: string) => present.includes(`${object}.${hook}`) });

describe('hooksWrites', () => {
  it('is false without a hook runner, without rows, or when only other objects are hooked', () => {
    expect(hooksWrites(undefined, 'deal', ['create'])).toBe(false);
    expect(hooksWrites(hooks(['deal.afterCreate']), 'deal', [])).toBe(false);
    expect(hooksWrites(hooks(['lead.beforeCreate', 'lead.afterUpdate']), 'deal', ['create', 'update'])).toBe(false);
  });

  it('creates count only create hooks; updates count update and stage hooks', () => {
    expect(hooksWrites(hooks(['deal.afterCreate']), 'deal', ['create'])).toBe(true);
    expect(hooksWrites(hooks(['deal.afterCreate']), 'deal', ['update'])).toBe(false);
    expect(hooksWrites(hooks(['deal.beforeUpdate']), 'deal', ['create'])).toBe(false);
    expect(hooksWrites(hooks(['deal.stageChanged']), 'deal', ['update', 'update'])).toBe(true);
    expect(hooksWrites(hooks(['deal.beforeDelete']), 'deal', ['create', 'update'])).toBe(false);
  });
});
