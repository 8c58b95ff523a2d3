/** One problem with the query, pointing into it (`/sort/0`, `/filter/amount/$gte`). */
export interface QueryProblem {
  path: string;
  message: string;
}

export type QueryErrorStatus = 400 | 403 | 422;

/**
 * Why a query cannot be compiled. The compiler never picks HTTP responses itself:
 * the HTTP layer maps `status` + `errors` to application/problem+json.
 * 400 malformed query, 403 names a field the caller cannot read, 422 metadata that cannot compile.
 */
export class QueryError extends Error {
  readonly status: QueryErrorStatus;
  readonly errors: QueryProblem[];

  constructor(status: QueryErrorStatus, errors: QueryProblem[], detail?: string) {
    super(detail ?? errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
    this.name = 'QueryError';
    this.status = status;
    this.errors = errors;
  }

  static badRequest(path: string, message: string): QueryError {
    return new QueryError(400, [{ path, message }]);
  }

  static forbidden(path: string, message: string): QueryError {
    return new QueryError(403, [{ path, message }]);
  }

  static unprocessable(path: string, message: string): QueryError {
    return new QueryError(422, [{ path, message }]);
  }
}

/** A JSON pointer segment (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
