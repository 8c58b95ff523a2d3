import type { Locale } from '../types/label.js';
import { PROBLEM_CODES, PROBLEM_TYPES, type ProblemCode } from './problem-types.js';

/** An `application/problem+json` body (API.md "Errors"). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
}

export interface ProblemOptions {
  detail?: string;
  errors?: { path: string; message: string }[];
  locale?: Locale;
  /** Extra members, e.g. `{ approval: 'big_discount' }` on a 409 stage gate. */
  extra?: Record<string, unknown>;
}

/**
 * Builds a problem body from its code.
 * @example problem('validation', { errors: [{ path: '/email', message: 'must be a valid email' }] })
 */
export function problem(code: ProblemCode, options: ProblemOptions = {}): Problem {
  const t = PROBLEM_TYPES[code];
  const body: Problem = { ...options.extra, type: t.type, title: t.title[options.locale ?? 'en'], status: t.status };
  if (options.detail !== undefined) body.detail = options.detail;
  if (options.errors !== undefined) body.errors = options.errors.map(({ path, message }) => ({ path, message }));
  return body;
}

/** The code of a problem type URI, or undefined when it is not one of ours. */
export function problemCodeOf(type: string): ProblemCode | undefined {
  return PROBLEM_CODES.find((c) => PROBLEM_TYPES[c].type === type);
}

/** The code for an HTTP status (unknown 4xx → bad_request, 5xx → internal). */
export function problemCodeForStatus(status: number): ProblemCode {
  return PROBLEM_CODES.find((c) => PROBLEM_TYPES[c].status === status) ?? (status >= 500 ? 'internal' : 'bad_request');
}

/** True for a JSON value shaped like a problem body (e.g. a parsed error response). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.title === 'string' && typeof v.status === 'number';
}
