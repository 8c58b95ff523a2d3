/** The one error type services throw; the exception filter turns it into application/problem+json. */
export interface ProblemItem {
  path: string;
  message: string;
}

export type ProblemCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'precondition_failed'
  | 'payload_too_large' | 'validation' | 'locked' | 'rate_limited' | 'internal' | 'unavailable';

const STATUS: Record<ProblemCode, [number, string]> = {
  bad_request: [400, 'Bad request'],
  unauthorized: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
  precondition_failed: [412, 'Precondition failed'],
  payload_too_large: [413, 'Payload too large'],
  validation: [422, 'Validation failed'],
  locked: [423, 'Locked'],
  rate_limited: [429, 'Too many requests'],
  internal: [500, 'Internal server error'],
  unavailable: [503, 'Service unavailable'],
};

export const PROBLEM_BASE = 'https://loom.dev/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemItem[];
  [extra: string]: unknown;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly body: ProblemBody;
  readonly headers: Record<string, string>;

  constructor(code: ProblemCode, detail?: string, extra: { errors?: ProblemItem[]; headers?: Record<string, string>; [k: string]: unknown } = {}) {
    super(detail ?? STATUS[code][1]);
    const { headers = {}, ...rest } = extra;
    const [status, title] = STATUS[code];
    this.status = status;
    this.headers = headers;
    this.body = { type: PROBLEM_BASE + code.replace(/_/g, '-'), title, status, ...(detail ? { detail } : {}), ...rest };
  }
}

export const problemStatus = (code: ProblemCode): number => STATUS[code][0];

export function codeForStatus(status: number): ProblemCode {
  const hit = (Object.keys(STATUS) as ProblemCode[]).find((c) => STATUS[c][0] === status);
  return hit ?? (status >= 500 ? 'internal' : 'bad_request');
}

export const badRequest = (detail: string, errors?: ProblemItem[]) => new ProblemError('bad_request', detail, errors ? { errors } : {});
export const notFound = (detail = 'Not found') => new ProblemError('not_found', detail);
export const forbidden = (detail = 'Not allowed', errors?: ProblemItem[]) => new ProblemError('forbidden', detail, errors ? { errors } : {});
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new ProblemError('conflict', detail, extra);
export const invalid = (errors: ProblemItem[], detail?: string) =>
  new ProblemError('validation', detail ?? `${errors.length} ${errors.length === 1 ? 'field is' : 'fields are'} invalid`, { errors });
