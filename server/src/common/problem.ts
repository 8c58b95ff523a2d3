/** The one error type services throw; the exception filter turns it into application/problem+json. */
export interface ProblemItem {
  path: string;
  message: string;
}

export type { ProblemCode } from '@loom/metadata';
import { PROBLEM_BASE, PROBLEM_TYPES, problemCodeForStatus, type ProblemCode } from '@loom/metadata';

export { PROBLEM_BASE };

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
    super(detail ?? PROBLEM_TYPES[code].title.en);
    const { headers = {}, ...rest } = extra;
    const t = PROBLEM_TYPES[code];
    this.status = t.status;
    this.headers = headers;
    this.body = { type: t.type, title: t.title.en, status: t.status, ...(detail ? { detail } : {}), ...rest };
  }
}

export const codeForStatus = problemCodeForStatus;

export const badRequest = (detail: string, errors?: ProblemItem[]) => new ProblemError('bad_request', detail, errors ? { errors } : {});
export const notFound = (detail = 'Not found') => new ProblemError('not_found', detail);
export const forbidden = (detail = 'Not allowed', errors?: ProblemItem[]) => new ProblemError('forbidden', detail, errors ? { errors } : {});
export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new ProblemError('conflict', detail, extra);
export const invalid = (errors: ProblemItem[], detail?: string) =>
  new ProblemError('validation', detail ?? `${errors.length} ${errors.length === 1 ? 'field is' : 'fields are'} invalid`, { errors });
