import { describe, expect, it } from 'vitest';
import { recordChanges } from './record-changes.js';

describe('recordChanges', () => {
  it('lists only fields that changed, with from and to', () => {
    expect(recordChanges({ a: 1, b: 'x', c: [1, 2] }, { a: 1, b: 'y', c: [1, 2] }, ['a', 'b', 'c'])).toEqual({ b: { from: 'x', to: 'y' } });
  });

  it('treats undefined and null alike and ignores fields not written', () => {
    expect(recordChanges({ a: null }, { a: undefined }, ['a', 'z'])).toEqual({});
    expect(recordChanges({ a: null }, { a: 0 }, ['a'])).toEqual({ a: { from: null, to: 0 } });
  });

  it('compares numbers from numeric columns by value', () => {
    expect(recordChanges({ amount: 10 }, { amount: 10.0 }, ['amount'])).toEqual({});
    expect(recordChanges({ tags: ['a'] }, { tags: ['a', 'b'] }, ['tags'])).toEqual({ tags: { from: ['a'], to: ['a', 'b'] } });
  });
});
