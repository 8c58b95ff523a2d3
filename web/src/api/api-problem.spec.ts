import { describe, expect, it } from 'vitest';
import { ApiProblem, parseRetryAfter } from './api-problem';

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('ApiProblem.fromResponse', () => {
  it('keeps extension members and takes the status from the response', async () => {
    const response = new Response(
      JSON.stringify({ type: 'https://loom.dev/problems/gate', title: 'Stage gate', status: 200, approval: 'big_discount' }),
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const problem = await ApiProblem.fromResponse(response);
    expect(problem.status).toBe(409);
    expect(problem.body.approval).toBe('big_discount');
    expect(problem.errors).toEqual([]);
  });

  it('survives a JSON content type with a broken body', async () => {
    const response = new Response('{oops', { status: 500, headers: { 'Content-Type': 'application/json' } });
    const problem = await ApiProblem.fromResponse(response);
    expect(problem).toMatchObject({ status: 500, type: 'about:blank' });
  });
});
