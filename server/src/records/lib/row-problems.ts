import { ProblemError, type ProblemItem } from '../../common/problem.js';
import { QueryError } from '../../query/index.js';

/**
 * Why one row of a bulk write failed — the status the row alone would have been answered with
 * (422, 403, 409, 423 …) and its problems — or undefined for anything else: a database outage or
 * a bug must abort the whole request, not become a row error.
 */
export function rowProblems(e: unknown): { status: number; errors: ProblemItem[] } | undefined {
  if (e instanceof QueryError) return { status: e.status, errors: e.errors };
  if (!(e instanceof ProblemError) || e.status >= 500) return undefined;
  const errors = e.body.errors;
  return { status: e.status, errors: errors?.length ? errors : [{ path: '', message: e.body.detail ?? e.body.title }] };
}
