import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import { parseCondition } from './parse-condition.js';

const set = salesSet();
const parse = (json: unknown, object = 'opportunity', extra = {}) => parseCondition(json, { object, set, ...extra });
const paths = (json: unknown, object = 'opportunity', extra = {}) => parse(json, object, extra).errors.map((e) => e.path);

describe('parseCondition: structure', () => {
  it('parses {} to an always-true and', () => {
    expect(parse({})).toEqual({ ast: { kind: 'and', items: [] }, errors: [] });
  });

  it('reads a bare value as $eq', () => {
    const { ast } = parse({ name: 'Acme' });
    expect(ast).toMatchObject({ kind: 'compare', path: ['name'], op: 'eq', value: { kind: 'literal', value: 'Acme' } });
    expect(ast).toMatchObject({ field: { object: 'opportunity', name: 'name', joins: [] } });
  });

  it('joins several keys and several operators of one field with and', () => {
    const { ast } = parse({ amount: { $gte: 1, $lt: 10 }, name: 'x' });
    expect(ast).toMatchObject({ kind: 'and', items: [{ op: 'gte' }, { op: 'lt' }, { op: 'eq' }] });
  });

  it('parses the DESIGN.md example with nesting and a dotted path', () => {
    const { ast, errors } = parse({
      $and: [
        { amount: { $gte: 100000 } },
        { $or: [{ stage: { $in: ['proposal', 'won'] } }, { owner: '$user.id' }] },
        { 'account.industry': 'retail' },
      ],
    });
    expect(errors).toEqual([]);
    expect(ast).toMatchObject({
      kind: 'and',
      items: [
        { kind: 'compare', op: 'gte', value: { kind: 'literal', value: 100000 } },
        { kind: 'or', items: [{ op: 'in' }, { op: 'eq', value: { kind: 'variable', name: 'user.id' } }] },
        { kind: 'compare', path: ['account', 'industry'], field: { object: 'account', name: 'industry', joins: [{ from: 'opportunity', field: 'account', to: 'account' }] } },
      ],
    });
  });

  it('parses $not at the top and on a field', () => {
    expect(parse({ $not: { name: 'x' } }).ast).toMatchObject({ kind: 'not', item: { op: 'eq' } });
    expect(parse({ amount: { $not: { $gt: 5 } } }).ast).toMatchObject({ kind: 'not', item: { op: 'gt' } });
  });

  it('accepts system fields and follows up to three joins', () => {
    expect(parse({ created_at: { $lt: '$now' }, id: 'abc' }).errors).toEqual([]);
    const { ast } = parse({ 'account.parent.parent.name': 'x' });
    expect(ast).toMatchObject({ field: { object: 'account', name: 'name' } });
    expect((ast as { field: { joins: unknown[] } }).field.joins).toHaveLength(3);
  });
});

describe('parseCondition: errors point into the filter', () => {
  it.each([
    [{ amuont: 5 }, '/amuont', 'unknown_field'],
    [{ $and: [{ name: 'x' }, { amount: { $gte: 'big' } }] }, '/$and/1/amount/$gte', 'invalid_value'],
    [{ amount: { $between: [1, 2] } }, '/amount/$between', 'unknown_operator'],
    [{ $nor: [] }, '/$nor', 'unknown_operator'],
    [{ $or: [] }, '/$or', 'invalid_condition'],
    [{ $and: {} }, '/$and', 'invalid_condition'],
    [{ 'account.parent.parent.parent.name': 'x' }, '/account.parent.parent.parent.name', 'path_too_deep'],
    [{ 'name.first': 'x' }, '/name.first', 'invalid_path'],
    [{ 'account.nope': 'x' }, '/account.nope', 'unknown_field'],
    [{ old_code: 'x' }, '/old_code', 'unknown_field'],
    [{ stage: 'negotiation' }, '/stage', 'invalid_value'],
    [{ stage: { $in: ['won', 'maybe'] } }, '/stage/$in/1', 'invalid_value'],
    [{ 'account.industry': { $in: ['retail', 5] } }, '/account.industry/$in/1', 'invalid_value'],
    [{ close_date: '2026-02-30' }, '/close_date', 'invalid_value'],
    [{ close_date: { $gt: '$tomorrow' } }, '/close_date/$gt', 'unknown_variable'],
    [{ owner: '$user.team' }, '/owner', 'type_mismatch'],
    [{ amount: '$user.id' }, '/amount', 'type_mismatch'],
    [{ amount: { $gte: '$field.name' } }, '/amount/$gte', 'type_mismatch'],
    [{ amount: { $gte: '$field.nope' } }, '/amount/$gte', 'unknown_field'],
    [{ amount: { $contains: 'x' } }, '/amount/$contains', 'invalid_operator'],
    [{ name: { $anniversary: '2026-01-01' } }, '/name/$anniversary', 'invalid_operator'],
    [{ amount: { $exists: 'yes' } }, '/amount/$exists', 'invalid_value'],
    [{ amount: { $in: 5 } }, '/amount/$in', 'invalid_value'],
    [{ amount: { $gt: null } }, '/amount/$gt', 'invalid_value'],
    [{ amount: { $gt: 1, plain: 2 } }, '/amount/plain', 'invalid_condition'],
    [{ $not: 'x' }, '/$not', 'invalid_condition'],
    [{ 'a/b': 1 }, '/a~1b', 'unknown_field'],
    [{ owner: { $in: ['u1', '$user.id'] } }, '/owner/$in/1', 'invalid_value'],
  ])('%j → %s', (json, path, code) => {
    const { ast, errors } = parse(json);
    expect(ast).toBeNull();
    expect(errors.map((e) => [e.path, e.code])).toContainEqual([path, code]);
  });

  it('refuses a condition on a oneToMany relation, pointing at the related object', () => {
    const { errors } = parse({ opportunities: { $exists: true } }, 'account');
    expect(errors[0]).toMatchObject({ path: '/opportunities/$exists', code: 'invalid_operator' });
    expect(errors[0]!.message).toContain('opportunity');
  });

  it('reports every error, not just the first', () => {
    expect(paths({ a: 1, amount: 'x', $or: [{ b: 1 }] })).toEqual(['/a', '/amount', '/$or/0/b']);
  });

  it('refuses a non-object condition and an unknown object', () => {
    expect(paths([])).toEqual(['']);
    expect(parse({}, 'nope').errors[0]!.code).toBe('unknown_object');
  });
});

describe('parseCondition: limits', () => {
  const nest = (levels: number): unknown => (levels === 0 ? { name: 'x' } : { $and: [nest(levels - 1)] });

  it('allows 10 levels of nesting and refuses the 11th with its path', () => {
    expect(parse(nest(9)).errors).toEqual([]);
    const { errors } = parse(nest(10));
    expect(errors).toEqual([{ path: '/$and/0'.repeat(10), message: expect.any(String), code: 'too_deep' }]);
  });

  it('honours maxDepth, maxIn and maxPathDepth options', () => {
    expect(paths({ $not: { $not: { name: 'x' } } }, 'opportunity', { maxDepth: 2 })).toEqual(['/$not/$not']);
    const many = Array.from({ length: 1001 }, (_, i) => i);
    expect(parse({ amount: { $in: many } }).errors[0]).toMatchObject({ path: '/amount/$in', code: 'too_many_values' });
    expect(parse({ amount: { $in: many.slice(0, 3) } }, 'opportunity', { maxIn: 2 }).errors[0]!.code).toBe('too_many_values');
    expect(parse({ 'account.name': 'x' }, 'opportunity', { maxPathDepth: 0 }).errors[0]!.code).toBe('path_too_deep');
  });
});

describe('parseCondition: every operator and value type', () => {
  it.each([
    ['$eq', { name: { $eq: 'x' } }],
    ['$eq null', { amount: null }],
    ['$ne', { amount: { $ne: 5 } }],
    ['$gt number', { amount: { $gt: 5 } }],
    ['$gte date', { close_date: { $gte: '2026-01-01' } }],
    ['$lt datetime', { created_at: { $lt: '2026-01-01T10:00:00Z' } }],
    ['$lte text', { name: { $lte: 'm' } }],
    ['$in stage keys', { stage: { $in: ['qualify', 'won'] } }],
    ['$nin', { amount: { $nin: [1, 2] } }],
    ['$contains text', { name: { $contains: 'acme' } }],
    ['$startsWith', { name: { $startsWith: 'Ac' } }],
    ['$exists', { close_date: { $exists: false } }],
    ['$empty', { loss_reason: { $empty: true } }],
    ['$anniversary $today', { 'contact.birthday': { $anniversary: '$today' } }],
    ['$anniversary literal', { close_date: { $anniversary: '2026-05-01' } }],
    ['$field', { close_date: { $gte: '$field.open_date' } }],
    ['$field across date kinds', { created_at: { $gte: '$field.close_date' } }],
    ['$now on a date', { close_date: { $lt: '$now' } }],
    ['$user.subordinates', { owner: { $in: '$user.subordinates' } }],
    ['$user.team', { created_by: { $nin: '$user.team' } }],
    ['relation id', { account: 'acc-1' }],
    ['json equality', { meta: { a: 1 } }],
    ['formula value', { weighted: { $gt: 10 } }],
  ])('%s', (_name, json) => {
    expect(parse(json).errors).toEqual([]);
  });

  it('checks array fields: multiselect keys, tags, users', () => {
    const ok = [
      { interests: { $contains: 'golf' } },
      { interests: ['golf', 'wine'] },
      { interests: { $in: ['golf'] } },
      { tags: { $contains: 'vip' } },
      { assistant: '$user.id' },
      { visits: { $gte: 3 } },
      { 'account.open_amount': { $gt: 0 } },
    ];
    for (const json of ok) expect(parse(json, 'contact').errors).toEqual([]);
    expect(paths({ interests: { $contains: 'chess' } }, 'contact')).toEqual(['/interests/$contains']);
    expect(paths({ interests: 'golf' }, 'contact')).toEqual(['/interests']);
    expect(paths({ visits: 1.5 }, 'contact')).toEqual(['/visits']);
    expect(paths({ vip: 'yes' }, 'contact')).toEqual(['/vip']);
  });
});
