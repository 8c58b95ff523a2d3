import { describe, expect, it } from 'vitest';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { QueryError } from '../query-error.js';
import { parseFilter } from './parse-filter.js';

const set = crmSet();

describe('parseFilter', () => {
  it('takes JSON text (a query parameter) or parsed JSON (a request body)', () => {
    const fromText = parseFilter('{"stage":"won"}', { object: 'opportunity', set });
    const fromBody = parseFilter({ stage: 'won' }, { object: 'opportunity', set });
    expect(fromText).toEqual(fromBody);
    expect(fromText).toMatchObject({ kind: 'compare', path: ['stage'], op: 'eq', value: { kind: 'literal', value: 'won' } });
  });

  it('reports body filters as 422 under the given path', () => {
    try {
      parseFilter({ nope: 1 }, { object: 'opportunity', set, path: '/filter', status: 422 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QueryError);
      expect((e as QueryError).status).toBe(422);
      expect((e as QueryError).errors).toEqual([{ path: '/filter/nope', message: 'unknown field "nope" on opportunity' }]);
    }
  });

  it('refuses deep bodies without recursing', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { $not: deep };
    expect(() => parseFilter(deep, { object: 'opportunity', set })).toThrow(QueryError);
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(() => parseFilter(`{"name":"${'['.repeat(100)}"}`, { object: 'opportunity', set })).not.toThrow();
  });

  it('refuses over-long text', () => {
    expect(() => parseFilter(`{"name":"${'x'.repeat(100_001)}"}`, { object: 'opportunity', set })).toThrow(QueryError);
  });
});
