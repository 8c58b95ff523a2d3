/** One entry of a problem's `errors`: a JSON pointer into the request body and a message. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** The `application/problem+json` body every Loom error carries (API.md "Errors"). */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export const NETWORK_PROBLEM_TYPE = 'loom:network';

/** The one error type the web client throws for a failed API call. */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors: readonly ProblemFieldError[];
  /** Seconds to wait before retrying, from a `Retry-After` header (429, 503). */
  readonly retryAfter?: number;
  readonly body: ProblemDocument;

  constructor(body: ProblemDocument, retryAfter?: number) {
    super(body.detail || body.title);
    this.name = 'ApiProblem';
    this.type = body.type;
    this.title = body.title;
    this.status = body.status;
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.retryAfter = retryAfter;
    this.body = body;
  }

  get isNetworkError(): boolean {
    return this.type === NETWORK_PROBLEM_TYPE;
  }

  /** Reads a failed response: a problem+json body when there is one, else a problem made from the status. */
  static async fromResponse(response: Response, now = Date.now()): Promise<ApiProblem> {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
    const fallback: ProblemDocument = {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    const contentType = response.headers.get('Content-Type') ?? '';
    if (!contentType.includes('json')) return new ApiProblem(fallback, retryAfter);
    try {
      const body = (await response.json()) as Partial<ProblemDocument> | null;
      if (!body || typeof body !== 'object') return new ApiProblem(fallback, retryAfter);
      return new ApiProblem(
        {
          ...body,
          type: typeof body.type === 'string' ? body.type : fallback.type,
          title: typeof body.title === 'string' ? body.title : fallback.title,
          status: response.status,
        },
        retryAfter,
      );
    } catch {
      return new ApiProblem(fallback, retryAfter);
    }
  }

  static network(cause: unknown): ApiProblem {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new ApiProblem({ type: NETWORK_PROBLEM_TYPE, title: 'Network error', status: 0, detail: message });
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** `Retry-After` is either delay-seconds or an HTTP date; returns whole seconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
