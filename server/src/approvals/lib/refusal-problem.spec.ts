import { describe, expect, it } from 'vitest';
import { refusalProblem } from './refusal-problem.js';

describe('refusalProblem', () => {
  it('maps each refusal to its problem, with the path for a 422', () => {
    expect(refusalProblem({ ok: false, status: 403, reason: 'no task' }).body).toMatchObject({ status: 403, detail: 'no task' });
    expect(refusalProblem({ ok: false, status: 409, reason: 'decided' }).body).toMatchObject({ status: 409, detail: 'decided' });
    expect(refusalProblem({ ok: false, status: 422, reason: 'needs a comment', path: '/comment' }).body)
      .toMatchObject({ status: 422, detail: 'needs a comment', errors: [{ path: '/comment', message: 'needs a comment' }] });
    expect(refusalProblem({ ok: false, status: 422, reason: 'odd' }).body).toMatchObject({ status: 422, detail: 'odd' });
  });
});
