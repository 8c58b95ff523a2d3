import { describe, expect, it } from 'vitest';
import { isProblem, problem, problemCodeForStatus, problemCodeOf } from './problem.js';
import { PROBLEM_CODES, PROBLEM_TYPES } from './problem-types.js';

describe('problem catalogue', () => {
  it('holds exactly the documented codes and statuses', () => {
    const table = Object.fromEntries(PROBLEM_CODES.map((c) => [c, PROBLEM_TYPES[c].status]));
    expect(table).toEqual({
      bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, precondition_failed: 412,
      payload_too_large: 413, validation: 422, locked: 423, rate_limited: 429, internal: 500, unavailable: 503,
    });
  });

  it('translates every title and gives each code its own type URI', () => {
    for (const c of PROBLEM_CODES) {
      const t = PROBLEM_TYPES[c];
      expect(t.title.en).toMatch(/\S/);
      expect(t.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(t.type).toBe(`https://loom.dev/problems/${c.replace(/_/g, '-')}`);
    }
    expect(new Set(PROBLEM_CODES.map((c) => PROBLEM_TYPES[c].status)).size).toBe(PROBLEM_CODES.length);
  });

  it('builds the API.md example body', () => {
    expect(problem('validation', { detail: '2 fields are invalid', errors: [{ path: '/email', message: 'must be a valid email' }] })).toEqual({
      type: 'https://loom.dev/problems/validation', title: 'Validation failed', status: 422,
      detail: '2 fields are invalid', errors: [{ path: '/email', message: 'must be a valid email' }],
    });
    expect(problem('locked', { locale: 'zh-CN' }).title).toBe('记录已锁定');
  });

  it('keeps extra members but never lets them override type, title or status', () => {
    const body = problem('conflict', { extra: { approval: 'big_discount', status: 200 } });
    expect(body).toMatchObject({ approval: 'big_discount', status: 409 });
    expect(isProblem(body)).toBe(true);
    expect(isProblem({ message: 'x' })).toBe(false);
  });

  it('maps statuses and type URIs back to codes', () => {
    expect(problemCodeForStatus(412)).toBe('precondition_failed');
    expect(problemCodeForStatus(418)).toBe('bad_request');
    expect(problemCodeForStatus(502)).toBe('internal');
    expect(problemCodeOf('https://loom.dev/problems/rate-limited')).toBe('rate_limited');
    expect(problemCodeOf('about:blank')).toBeUndefined();
  });
});
