import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../common/problem.js';
import { parseBulkRequest } from './parse-bulk-request.js';

const problem = (body: unknown) => {
  try {
    parseBulkRequest(body);
  } catch (e) {
    return { status: (e as ProblemError).status, paths: (e as ProblemError).body.errors?.map((x) => x.path) };
  }
  throw new Error('expected a problem');
};

describe('parseBulkRequest', () => {
  it('reads each kind', () => {
    expect(parseBulkRequest({ create: [{ name: 'a' }], partial: true })).toEqual({ kind: 'create', rows: [{ name: 'a' }], partial: true });
    expect(parseBulkRequest({ update: { filter: { stage: 'won' }, set: { amount: 1 } } })).toEqual({ kind: 'update', filter: { stage: 'won' }, set: { amount: 1 }, tags: {}, partial: false });
    expect(parseBulkRequest({ update: { filter: {}, addTags: { tags: ['vip'] }, removeTags: { tags: ['churn_risk'] } } }))
      .toEqual({ kind: 'update', filter: {}, set: {}, tags: { addTags: { tags: ['vip'] }, removeTags: { tags: ['churn_risk'] } }, partial: false });
    expect(parseBulkRequest({ delete: { filter: {} } })).toEqual({ kind: 'delete', filter: {}, partial: false });
  });

  it('refuses more than 500 rows with a 400', () => {
    expect(problem({ create: Array.from({ length: 501 }, () => ({})) })).toEqual({ status: 400, paths: ['/create'] });
  });

  it.each([
    [{}, ['/']],
    [{ create: [{}], delete: { filter: {} } }, ['/']],
    [{ create: [] }, ['/create']],
    [{ update: { filter: {} } }, ['/update']],
    [{ update: { filter: {}, addTags: { tags: [] } } }, ['/update/addTags/tags']],
    [{ update: { filter: {}, removeTags: { tags: [''] } } }, ['/update/removeTags/tags/0']],
    [{ update: { filter: {}, set: {}, extra: 1 } }, ['/update/extra', '/update/set']],
    [{ delete: { filter: {} }, dryRun: true }, ['/dryRun']],
    [{ create: ['x'] }, ['/create/0']],
  ])('refuses %j with 422 at %j', (body, paths) => {
    const p = problem(body);
    expect(p.status).toBe(422);
    expect(p.paths).toEqual(expect.arrayContaining(paths));
  });
});
