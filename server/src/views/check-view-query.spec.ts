import { describe, expect, it } from 'vitest';
import { crmSet } from '../query/fixtures/crm-set.fixture.js';
import { queryContext, QueryError } from '../query/index.js';
import { checkViewQuery, type ViewQuery, type ViewReadAccess } from './check-view-query.js';

const read: ViewReadAccess = { object: 'opportunity', set: crmSet(), ctx: queryContext('u1', new Date('2026-11-30T00:00:00Z')) };
const hiding = (field: string): ViewReadAccess => ({ ...read, hiddenFor: (object) => (object === 'opportunity' ? new Set([field]) : undefined) });

function problem(view: ViewQuery, access = read) {
  try {
    checkViewQuery(view, access);
  } catch (e) {
    if (e instanceof QueryError) return { status: e.status, paths: e.errors.map((p) => p.path) };
    throw e;
  }
  throw new Error('expected a QueryError');
}

describe('checkViewQuery', () => {
  it('accepts what a list would accept: filter, sort with dotted paths, columns, or nothing at all', () => {
    expect(() => checkViewQuery({ filter: { amount: { $gte: 100 }, 'account.name': { $contains: 'a' } }, sort: '-amount,name', columns: ['name', 'amount', 'owner'] }, read)).not.toThrow();
    expect(() => checkViewQuery({}, read)).not.toThrow();
    expect(() => checkViewQuery({ filter: null, sort: null, columns: null }, read)).not.toThrow();
  });

  it('refuses a bad filter with 422 and paths into it', () => {
    expect(problem({ filter: { nope: 1 } })).toEqual({ status: 422, paths: ['/filter/nope'] });
    expect(problem({ filter: { amount: { $near: 1 } } }).paths[0]).toMatch(/^\/filter\/amount/);
  });

  it('refuses an unknown sort field or column with 422 (a body, not a query string), columns under /columns', () => {
    expect(problem({ sort: '-nope' })).toMatchObject({ status: 422 });
    expect(problem({ sort: '-nope' }).paths[0]).toMatch(/^\/sort/);
    expect(problem({ columns: ['name', 'old_code'] })).toMatchObject({ status: 422 });
    expect(problem({ columns: ['name', 'old_code'] }).paths[0]).toMatch(/^\/columns/);
  });

  it('refuses a field the caller cannot read (403), in the filter, the sort or the columns', () => {
    expect(() => checkViewQuery({ filter: { cost: { $gt: 1 } }, sort: 'cost', columns: ['cost'] }, read)).not.toThrow();
    expect(problem({ filter: { cost: { $gt: 1 } } }, hiding('cost')).status).toBe(403);
    expect(problem({ sort: 'cost' }, hiding('cost')).status).toBe(403);
    expect(problem({ columns: ['name', 'cost'] }, hiding('cost')).status).toBe(403);
  });
});
