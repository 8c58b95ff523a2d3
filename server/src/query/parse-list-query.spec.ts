import { describe, expect, it } from 'vitest';
import { crmSet } from './fixtures/crm-set.fixture.js';
import { parseListQuery } from './parse-list-query.js';
import { QueryError } from './query-error.js';

const set = crmSet();
const parse = (raw: Record<string, unknown>) => parseListQuery(raw, { object: 'opportunity', set });

function problems(raw: Record<string, unknown>) {
  try {
    parse(raw);
  } catch (e) {
    if (e instanceof QueryError) return { status: e.status, errors: e.errors };
    throw e;
  }
  throw new Error('expected a QueryError');
}

describe('parseListQuery', () => {
  it('defaults to 50 rows, no count, live records', () => {
    expect(parse({})).toEqual({ limit: 50, count: false, deleted: false });
  });

  it('reads every parameter of GET /api/records/{object}', () => {
    const q = parse({
      filter: '{"amount":{"$gte":100000},"account.industry":"retail"}', sort: '-amount,name', limit: '20', cursor: 'abc',
      fields: 'name,amount,account.name', expand: 'account,owner', q: 'acme', count: 'true', deleted: 'false',
    });
    expect(q).toMatchObject({
      sort: [{ field: 'amount', dir: 'desc' }, { field: 'name', dir: 'asc' }], limit: 20, cursor: 'abc',
      fields: ['name', 'amount', 'account.name'], expand: ['account', 'owner'], q: 'acme', count: true, deleted: false,
    });
    expect(q.filter).toMatchObject({ kind: 'and', items: [{ kind: 'compare', op: 'gte' }, { kind: 'compare', path: ['account', 'industry'] }] });
  });

  it('takes offset as the alternative to cursor', () => {
    expect(parse({ offset: '40' }).offset).toBe(40);
  });

  it.each([
    ['unknown parameters, each named', { colour: 'red', 'a/b': '1' }, [
      { path: '/colour', message: 'unknown query parameter "colour"' }, { path: '/a~1b', message: 'unknown query parameter "a/b"' }]],
    ['a repeated parameter', { sort: ['name', 'amount'] }, [{ path: '/sort', message: 'may be given only once' }]],
    ['limit 0', { limit: '0' }, [{ path: '/limit', message: 'must be an integer from 1 to 500' }]],
    ['limit 501', { limit: '501' }, [{ path: '/limit', message: 'must be an integer from 1 to 500' }]],
    ['limit not a number', { limit: '10; DROP' }, [{ path: '/limit', message: 'must be an integer from 1 to 500' }]],
    ['negative offset', { offset: '-1' }, [{ path: '/offset', message: 'must be a non-negative integer' }]],
    ['cursor and offset', { cursor: 'x', offset: '1' }, [{ path: '/cursor', message: 'use either cursor or offset, not both' }]],
    ['an empty sort item', { sort: 'name,,amount' }, [{ path: '/sort', message: 'must be a comma-separated list of fields, each optionally prefixed with -' }]],
    ['a bare minus', { sort: '-' }, [{ path: '/sort', message: 'must be a comma-separated list of fields, each optionally prefixed with -' }]],
    ['an empty fields list', { fields: '' }, [{ path: '/fields', message: 'must be a comma-separated list of field names' }]],
    ['count=yes', { count: 'yes' }, [{ path: '/count', message: 'must be true or false' }]],
    ['a NUL character', { q: 'a\u0000' }, [{ path: '/q', message: 'may not contain the NUL character (U+0000)' }]],
    ['filter that is not JSON', { filter: '{amount:1}' }, [{ path: '/filter', message: 'is not valid JSON' }]],
    ['filter on an unknown field', { filter: '{"colour":"red"}' }, [{ path: '/filter/colour', message: 'unknown field "colour" on opportunity' }]],
    ['filter with an unknown operator', { filter: '{"amount":{"$regex":"x"}}' }, [{ path: '/filter/amount/$regex', message: 'unknown operator "$regex"' }]],
    ['filter with a bad value', { filter: '{"amount":{"$gte":"lots"}}' }, [{ path: '/filter/amount/$gte', message: 'must be a number' }]],
    ['filter with an injected key', { filter: '{"name\\"; DROP TABLE x; --":1}' }, [{ path: '/filter/name\"; DROP TABLE x; --', message: 'unknown field "name\"; DROP TABLE x; --" on opportunity' }]],
    ['filter with a NUL in a value', { filter: '{"name":"a\\u0000"}' }, [{ path: '/filter', message: 'may not contain the NUL character (U+0000)' }]],
    ['filter nested deeper than the condition language allows', { filter: '{"$not":'.repeat(11) + '{"name":"x"}' + '}'.repeat(11) }, [
      { path: '/filter' + '/$not'.repeat(10), message: 'conditions may nest at most 10 levels' }]],
  ])('refuses %s (400, with paths)', (_, raw, errors) => {
    expect(problems(raw as Record<string, unknown>)).toEqual({ status: 400, errors });
  });

  it('refuses a 1000-deep filter with a 400, not a stack overflow', () => {
    const deep = '{"$and":['.repeat(1000) + '{}' + ']}'.repeat(1000);
    expect(problems({ filter: deep })).toEqual({ status: 400, errors: [{ path: '/filter', message: 'nests deeper than 64 levels' }] });
    const deepNot = '{"$not":'.repeat(1000) + '{}' + '}'.repeat(1000);
    expect(problems({ filter: deepNot }).status).toBe(400);
    const brackets = '['.repeat(100_000);
    expect(problems({ filter: brackets }).status).toBe(400);
  });

  it('reports every problem of the query string at once', () => {
    expect(problems({ limit: '0', colour: 'red', filter: '{"colour":1}' }).errors.map((e) => e.path)).toEqual(['/colour', '/limit', '/filter/colour']);
  });
});
