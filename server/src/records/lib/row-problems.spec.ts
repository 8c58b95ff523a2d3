import { describe, expect, it } from 'vitest';
import { conflict, invalid, ProblemError } from '../../common/problem.js';
import { QueryError } from '../../query/index.js';
import { rowProblems } from './row-problems.js';

describe('rowProblems', () => {
  it('keeps the status and paths of a validation problem', () => {
    expect(rowProblems(invalid([{ path: '/email', message: 'must be a valid email' }]))).toEqual({ status: 422, errors: [{ path: '/email', message: 'must be a valid email' }] });
  });

  it('turns a problem without paths into one row-level message', () => {
    expect(rowProblems(conflict('The table is busy'))).toEqual({ status: 409, errors: [{ path: '', message: 'The table is busy' }] });
  });

  it('keeps query errors', () => {
    expect(rowProblems(QueryError.forbidden('/filter/cost', 'hidden'))).toEqual({ status: 403, errors: [{ path: '/filter/cost', message: 'hidden' }] });
  });

  it('refuses server errors and bugs, which must abort the request', () => {
    expect(rowProblems(new ProblemError('unavailable', 'down'))).toBeUndefined();
    expect(rowProblems(new TypeError('x is undefined'))).toBeUndefined();
  });
});
