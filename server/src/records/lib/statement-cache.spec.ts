import { describe, expect, it, vi } from 'vitest';
import { ID_PLACEHOLDER, StatementCache } from './statement-cache.js';

const compileWith = (extra: unknown[] = []) => vi.fn((id: string) => ({ sql: 'SELECT $1, $2', params: ['scope', id, ...extra] }));

describe('StatementCache', () => {
  it('compiles once per key and swaps the id into a copy of the parameters', () => {
    const cache = new StatementCache(1000);
    const compile = compileWith();
    const a = cache.statementFor('k', 'id-a', 0, compile);
    const b = cache.statementFor('k', 'id-b', 10, compile);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(compile).toHaveBeenCalledWith(ID_PLACEHOLDER);
    expect(a.params).toEqual(['scope', 'id-a']);
    expect(b.params).toEqual(['scope', 'id-b']);
    expect(a.sql).toBe(b.sql);
  });

  it('compiles again once an entry is older than the ttl, and per key', () => {
    const cache = new StatementCache(1000);
    const compile = compileWith();
    cache.statementFor('k', 'a', 0, compile);
    cache.statementFor('k', 'a', 1001, compile);
    cache.statementFor('other', 'a', 1001, compile);
    expect(compile).toHaveBeenCalledTimes(3);
  });

  it('does not cache a statement where the placeholder is missing or appears twice', () => {
    const cache = new StatementCache(1000);
    const missing = vi.fn((id: string) => ({ sql: 'SELECT FALSE', params: id === ID_PLACEHOLDER ? [] : [] }));
    cache.statementFor('m', 'x', 0, missing);
    cache.statementFor('m', 'x', 1, missing);
    expect(missing).toHaveBeenCalledTimes(3); // one try with the placeholder, then each call compiles its own
    const twice = compileWith([ID_PLACEHOLDER]);
    expect(cache.statementFor('t', 'real', 0, twice).params).toEqual(['scope', 'real', ID_PLACEHOLDER]);
    expect(twice).toHaveBeenLastCalledWith('real');
  });

  it('memoizes any value per key for the ttl', () => {
    const cache = new StatementCache(1000);
    const make = vi.fn(() => ({ sql: 'SELECT $4', params: ['x'] }));
    expect(cache.memo('rb', 0, make)).toEqual({ sql: 'SELECT $4', params: ['x'] });
    expect(cache.memo('rb', 5, make)).toBe(cache.memo('rb', 6, make));
    expect(make).toHaveBeenCalledTimes(1);
    cache.memo('rb', 2000, make);
    expect(make).toHaveBeenCalledTimes(2);
  });
});

describe('StatementCache.fresh', () => {
  it('says whether memo would answer without compiling: a kept value within the ttl, not a null template', () => {
    const cache = new StatementCache(1_000);
    expect(cache.fresh('k', 0)).toBe(false);
    cache.memo('k', 0, () => 'v');
    expect([cache.fresh('k', 1_000), cache.fresh('k', 1_001)]).toEqual([true, false]);
    cache.statementFor('n', 'id', 0, () => ({ sql: 'no placeholder', params: [] }));
    expect(cache.fresh('n', 0)).toBe(false);
  });
});
