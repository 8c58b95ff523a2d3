import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf } from './canonical-hash.js';

describe('canonical hashing', () => {
  it('ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: null }] })).toBe('{"a":[{"d":2,"e":null}],"b":1}');
    expect(hashOf({ x: 1, y: 2 })).toBe(hashOf({ y: 2, x: 1 }));
  });

  it('changes with any value', () => {
    expect(hashOf({ x: 1 })).not.toBe(hashOf({ x: 2 }));
    expect(hashOf([1, 2])).not.toBe(hashOf([2, 1]));
  });
});
