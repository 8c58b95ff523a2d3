import { QueryError, type QueryErrorStatus, type QueryProblem } from '../query-error.js';

/**
 * Problems found while checking one request, reported together: malformed parts (400, or
 * 422 for a request body) first, then fields the caller may not read (403).
 */
export class RequestProblems {
  private readonly malformed: QueryProblem[] = [];
  private readonly forbidden: QueryProblem[] = [];

  constructor(private readonly malformedStatus: 400 | 422 = 400) {}

  bad(path: string, message: string): undefined {
    this.malformed.push({ path, message });
    return undefined;
  }

  hidden(path: string, message: string): undefined {
    this.forbidden.push({ path, message });
    return undefined;
  }

  throwIfAny(): void {
    const [status, errors]: [QueryErrorStatus, QueryProblem[]] = this.malformed.length
      ? [this.malformedStatus, this.malformed]
      : [403, this.forbidden];
    if (errors.length) throw new QueryError(status, errors);
  }
}
