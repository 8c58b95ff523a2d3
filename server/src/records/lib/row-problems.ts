import { ProblemError, type ProblemItem } from '../../common/problem.js';
import { QueryError } from '../../query/index.js';

/**
 * The problems of one failed row of a bulk write (a 4xx problem or query error), or undefined
 * for anything else — a database outage or a bug must abort the whole request, not become a row error.
 */
export function rowProblems(e: unknown): ProblemItem[] | undefined {
  if (e instanceof QueryError) return e.errors;
  if (!(e instanceof ProblemError) || e.status >= 500) return undefined;
  const errors = e.body.errors;
  return errors?.length ? errors : [{ path: '', message: e.body.detail ?? e.body.title }];
}
