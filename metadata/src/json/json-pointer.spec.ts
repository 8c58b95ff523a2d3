import { describe, expect, it } from 'vitest';
import { childPointer, pointer } from './json-pointer.js';
import { deepEqual } from './deep-equal.js';
import { ownValue } from './is-record.js';

describe('json pointer', () => {
  it('escapes ~ and / per RFC 6901', () => {
    expect(pointer('fields', 'a/b', 'c~d', 0)).toBe('/fields/a~1b/c~0d/0');
    expect(childPointer('/objects/x', 'fields')).toBe('/objects/x/fields');
  });
});

describe('deepEqual', () => {
  it('ignores key order and undefined keys, keeps array order', () => {
    expect(deepEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1, c: undefined })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: null }, { a: 0 })).toBe(false);
  });
});

describe('ownValue', () => {
  it('never returns prototype members', () => {
    expect(ownValue({} as Record<string, unknown>, 'constructor')).toBeUndefined();
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
  });
});
