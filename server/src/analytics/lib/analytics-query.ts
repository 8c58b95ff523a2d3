import { badRequest, type ProblemItem } from '../../common/problem.js';

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** The query parameters the analytics endpoints take; each endpoint allows a subset. */
export interface AnalyticsQuery {
  pipeline?: string;
  object?: string;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string;
  period?: Period;
}

export type AnalyticsParam = keyof AnalyticsQuery;

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * Reads the query string of an analytics endpoint: unknown or repeated parameters, bad names,
 * dates and periods → 400 with a path per problem (SECURITY.md 3), never ignored.
 * @example parseAnalyticsQuery({ pipeline: 'sales', period: 'month' }, ['pipeline', 'period']) // { pipeline: 'sales', period: 'month' }
 */
export function parseAnalyticsQuery(raw: Record<string, unknown>, allowed: readonly AnalyticsParam[]): AnalyticsQuery {
  const problems: ProblemItem[] = [];
  const out: AnalyticsQuery = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = `/${key}`;
    if (!(allowed as readonly string[]).includes(key)) problems.push({ path, message: `is not a parameter here; use ${allowed.join(', ') || 'none'}` });
    else if (typeof value !== 'string') problems.push({ path, message: 'must be given once, as text' });
    else if ((key === 'pipeline' || key === 'object') && !NAME.test(value)) problems.push({ path, message: 'is not a name' });
    else if ((key === 'from' || key === 'to') && !isDate(value)) problems.push({ path, message: 'must be a date, YYYY-MM-DD' });
    else if (key === 'period' && !(PERIODS as readonly string[]).includes(value)) problems.push({ path, message: `must be one of ${PERIODS.join(', ')}` });
    else (out as Record<string, string>)[key] = value;
  }
  if (out.from && out.to && out.from > out.to) problems.push({ path: '/to', message: 'must not be before from' });
  if (problems.length) throw badRequest(`${problems.length} query parameter(s) are not valid`, problems);
  return out;
}
