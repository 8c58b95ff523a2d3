import { conflict, forbidden, invalid, ProblemError } from '../../common/problem.js';
import type { Refusal } from '../approval-types.js';

/** A refusal of the state machine as the problem the API answers with (403, 409 or 422 with a path). */
export function refusalProblem(r: Refusal): ProblemError {
  if (r.status === 403) return forbidden(r.reason);
  if (r.status === 409) return conflict(r.reason);
  return r.path ? invalid([{ path: r.path, message: r.reason }], r.reason) : new ProblemError('validation', r.reason);
}
