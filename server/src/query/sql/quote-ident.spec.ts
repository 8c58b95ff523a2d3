import { describe, expect, it } from 'vitest';
import { QueryError } from '../query-error.js';
import { identifierProblem, quoteIdent, quoteKey, quoteQualified } from './quote-ident.js';

describe('quoteIdent', () => {
  it.each([
    ['amount', '"amount"'],
    ['close_date', '"close_date"'],
    ['t0', '"t0"'],
    ['contact__campaigns', '"contact__campaigns"'],
    ['_private', '"_private"'],
    ['user', '"user"'],
    ['a'.repeat(63), `"${'a'.repeat(63)}"`],
  ])('quotes %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });

  it.each([
    'name; drop table x', 'amount" --', 'Amount', '1abc', '', 'a-b', 'a.b', 'a b', '名前', 'é', 'a\u0000', 'a'.repeat(64), '"x"',
  ])('refuses %j (422: no metadata name looks like that)', (name) => {
    expect(() => quoteIdent(name)).toThrow(QueryError);
    expect(identifierProblem(name)).toBeDefined();
  });

  it('refuses what is not a string', () => {
    expect(() => quoteIdent(42 as unknown as string)).toThrow(QueryError);
  });

  it('qualifies schema.table and alias.column', () => {
    expect(quoteQualified('data', 'opportunity')).toBe('"data"."opportunity"');
    expect(() => quoteQualified('data', 'x"; --')).toThrow(QueryError);
  });

  it('quotes JSON keys as literals, dotted paths segment by segment', () => {
    expect(quoteKey('sum_amount')).toBe("'sum_amount'");
    expect(quoteKey('account.industry')).toBe("'account.industry'");
    expect(() => quoteKey("x'); --")).toThrow(QueryError);
    expect(() => quoteKey('a..b')).toThrow(QueryError);
  });
});
