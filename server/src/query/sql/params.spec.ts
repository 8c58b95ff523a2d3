import { describe, expect, it } from 'vitest';
import { QueryError } from '../query-error.js';
import { and, notTrue, or, whereList } from './boolean.js';
import { containsPattern, escapeLike, prefixPattern } from './escape-like.js';
import { Params } from './params.js';

describe('Params', () => {
  it('numbers values in order and casts from a closed list', () => {
    const p = new Params();
    expect(p.add('x')).toBe('$1');
    expect(p.add([1, 2], 'numeric[]')).toBe('$2::numeric[]');
    expect(p.add({ a: 1 }, 'jsonb')).toBe('$3::jsonb');
    expect(p.values).toEqual(['x', [1, 2], { a: 1 }]);
  });

  it('refuses U+0000, which PostgreSQL text cannot hold, as bad input (400)', () => {
    const p = new Params();
    expect(() => p.add('a\u0000b')).toThrow(QueryError);
    expect(() => p.add(['ok', 'a\u0000'])).toThrow(QueryError);
    expect(p.values).toEqual([]);
  });
});

describe('escapeLike', () => {
  it.each([
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ["it's", "it's"],
  ])('%j → %j', (text, escaped) => {
    expect(escapeLike(text)).toBe(escaped);
  });

  it('builds substring and prefix patterns', () => {
    expect(containsPattern('5%')).toBe('%5\\%%');
    expect(prefixPattern('a_')).toBe('a\\_%');
  });
});

describe('boolean composition', () => {
  it('folds TRUE and FALSE constants, never a fragment with a parameter', () => {
    expect(and([])).toBe('TRUE');
    expect(and(['TRUE', 'a = $1'])).toBe('a = $1');
    expect(and(['FALSE', 'a = $1'])).toBe('(FALSE AND a = $1)');
    expect(or([])).toBe('FALSE');
    expect(or(['FALSE', 'a = $1', 'b = $2'])).toBe('(a = $1 OR b = $2)');
    expect(whereList(['TRUE', 'a', 'b'])).toBe('a AND b');
    expect(whereList([])).toBe('TRUE');
  });

  it('negates two-valued: NULL counts as false', () => {
    expect(notTrue('a > $1')).toBe('NOT COALESCE(a > $1, FALSE)');
    expect(notTrue('TRUE')).toBe('FALSE');
    expect(notTrue('FALSE')).toBe('TRUE');
  });
});
