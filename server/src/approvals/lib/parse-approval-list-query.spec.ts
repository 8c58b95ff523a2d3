import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../common/problem.js';
import { parseApprovalListQuery } from './parse-approval-list-query.js';

const problems = (raw: Record<string, unknown>) => {
  try {
    parseApprovalListQuery(raw);
  } catch (e) {
    return { status: (e as ProblemError).status, paths: (e as ProblemError).body.errors?.map((x) => x.path) };
  }
  throw new Error('expected a problem');
};

describe('parseApprovalListQuery', () => {
  it('defaults to the inbox, 50 a page', () => {
    expect(parseApprovalListQuery({})).toEqual({ box: 'inbox', limit: 50, offset: 0 });
    expect(parseApprovalListQuery({ box: 'submitted', status: 'pending', limit: '10', offset: '20' })).toEqual({ box: 'submitted', status: 'pending', limit: 10, offset: 20 });
  });

  it('refuses (400) unknown parameters and values outside their set', () => {
    expect(problems({ box: 'outbox', status: 'done', sort: 'x' })).toEqual({ status: 400, paths: ['/sort', '/box', '/status'] });
    expect(problems({ limit: '0', offset: '-1' })).toEqual({ status: 400, paths: ['/limit', '/offset'] });
    expect(problems({ limit: '501' }).paths).toEqual(['/limit']);
  });

  it('narrows to one object or one record of it, refusing (400) a bad name or a non-uuid id', () => {
    const id = '0b6f3f2e-8c1d-4d3a-9f57-2d7c1e0a9b11';
    expect(parseApprovalListQuery({ box: 'all', object: 'opportunity', recordId: id })).toEqual({ box: 'all', object: 'opportunity', recordId: id, limit: 50, offset: 0 });
    expect(problems({ object: 'Bad-Name', recordId: '42' })).toEqual({ status: 400, paths: ['/object', '/recordId'] });
  });
});
