import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../common/problem.js';
import { isDate, parseAnalyticsQuery } from './analytics-query.js';

const problems = (raw: Record<string, unknown>, allowed: Parameters<typeof parseAnalyticsQuery>[1]) => {
  try {
    parseAnalyticsQuery(raw, allowed);
  } catch (e) {
    if (e instanceof ProblemError) return { status: e.status, errors: e.body.errors };
    throw e;
  }
  return null;
};

describe('parseAnalyticsQuery', () => {
  it('keeps the allowed parameters', () => {
    expect(parseAnalyticsQuery({ pipeline: 'sales', from: '2026-01-01', to: '2026-03-31' }, ['pipeline', 'from', 'to']))
      .toEqual({ pipeline: 'sales', from: '2026-01-01', to: '2026-03-31' });
    expect(parseAnalyticsQuery({}, ['period'])).toEqual({});
  });

  it('refuses unknown, repeated and malformed parameters with a path each', () => {
    expect(problems({ pipeline: 'sales', limit: '5' }, ['pipeline'])).toEqual({ status: 400, errors: [{ path: '/limit', message: 'is not a parameter here; use pipeline' }] });
    expect(problems({ pipeline: ['a', 'b'] }, ['pipeline'])?.errors?.[0].path).toBe('/pipeline');
    expect(problems({ object: 'Contact;drop' }, ['object'])?.errors?.[0].path).toBe('/object');
    expect(problems({ period: 'week' }, ['period'])?.errors?.[0]).toEqual({ path: '/period', message: 'must be one of month, quarter, year' });
    expect(problems({ from: '2026-02-30' }, ['from'])?.errors?.[0].path).toBe('/from');
    expect(problems({ from: '2026-03-01', to: '2026-02-01' }, ['from', 'to'])?.errors).toEqual([{ path: '/to', message: 'must not be before from' }]);
  });

  it('knows real calendar dates', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('2025-1-01')).toBe(false);
  });
});
