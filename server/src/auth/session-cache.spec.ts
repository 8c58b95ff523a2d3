import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

describe('SessionCache', () => {
  it('keeps an entry for 2 s, and forgets on demand', () => {
    const c = new SessionCache<string>();
    c.set('u', 'row', 1000);
    expect(c.get('u', 2500)).toBe('row');
    expect(c.get('u', 3001)).toBeUndefined();
    c.set('u', 'row', 4000);
    c.forget('u');
    expect(c.get('u', 4001)).toBeUndefined();
  });
});
