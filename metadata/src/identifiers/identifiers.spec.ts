import { describe, expect, it } from 'vitest';
import { identifierProblem, isIdentifier } from './is-identifier.js';
import { columnName, constraintName, joinTableName } from './physical-names.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { SYSTEM_FIELDS, isSystemField } from './system-fields.js';

describe('isIdentifier', () => {
  it.each(['account', 'close_date', 'a', 'x1', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(isIdentifier(name)).toBe(true);
  });
  it.each([
    ['x; drop table', 'invalid_identifier'],
    ['select', 'reserved_word'],
    ['user', 'reserved_word'],
    ['xmin', 'reserved_word'],
    ['a'.repeat(64), 'name_too_long'],
    ['客户', 'invalid_identifier'],
    ['Account', 'invalid_identifier'],
    ['1abc', 'invalid_identifier'],
    ['_x', 'invalid_identifier'],
    ['', 'invalid_identifier'],
    ['a-b', 'invalid_identifier'],
    ['a\nb', 'invalid_identifier'],
  ])('rejects %j with %s', (name, code) => {
    expect(isIdentifier(name)).toBe(false);
    expect(identifierProblem(name)?.code).toBe(code);
  });
  it('rejects non-strings', () => {
    expect(isIdentifier(42)).toBe(false);
    expect(identifierProblem(null)?.code).toBe('invalid_identifier');
  });
});

describe('reserved and system words', () => {
  it('holds the PostgreSQL reserved keywords, not the non-reserved ones', () => {
    for (const w of ['select', 'from', 'where', 'table', 'user', 'order', 'group', 'limit', 'end']) {
      expect(RESERVED_WORDS.has(w)).toBe(true);
    }
    for (const w of ['name', 'type', 'status', 'amount', 'new', 'open']) expect(RESERVED_WORDS.has(w)).toBe(false);
  });
  it('lists the system columns', () => {
    expect(SYSTEM_FIELDS).toEqual(['id', 'owner', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at']);
    expect(isSystemField('owner')).toBe(true);
    expect(isSystemField('constructor')).toBe(false);
  });
});

describe('physical names', () => {
  it('names columns and join tables', () => {
    expect(columnName('account', { type: 'relation' })).toBe('account_id');
    expect(columnName('contacts', { type: 'relation', relationType: 'oneToMany' })).toBeUndefined();
    expect(columnName('weighted', { type: 'formula' })).toBeUndefined();
    expect(columnName('amount', { type: 'currency' })).toBe('amount');
    expect(joinTableName('contact', 'campaigns')).toBe('contact__campaigns');
  });
  it('keeps constraint names within 63 bytes and distinct', () => {
    const a = constraintName('x'.repeat(40), ['a'.repeat(30), 'b'], 'key');
    const b = constraintName('x'.repeat(40), ['a'.repeat(30), 'c'], 'key');
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    expect(constraintName('product', ['code'], 'key')).toBe('product_code_key');
  });
});
