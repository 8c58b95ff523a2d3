import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/api/api-problem';
import { explainMoveProblem } from './explain-move-problem';

const context = { stageField: 'stage', canFill: (field: string) => ['amount', 'close_date', 'loss_reason'].includes(field) };
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type: 'https://loom.dev/problems/x', title: 'Refused', status, detail: 'The record cannot move to stage proposal', ...extra });

describe('explainMoveProblem', () => {
  it('asks for the fields a 422 names, with their messages', () => {
    const answer = explainMoveProblem(
      problem(422, { errors: [{ path: '/amount', message: 'is required to enter stage proposal' }, { path: '/close_date', message: 'is required to enter stage proposal' }] }),
      context,
    );
    expect(answer).toEqual({
      kind: 'fields',
      fields: ['amount', 'close_date'],
      messages: { amount: 'is required to enter stage proposal', close_date: 'is required to enter stage proposal' },
    });
  });

  it('refuses a 422 about the stage itself (a transition that is not allowed)', () => {
    const answer = explainMoveProblem(problem(422, { errors: [{ path: '/stage', message: 'may move to proposal or lost' }] }), context);
    expect(answer).toEqual({ kind: 'refused', message: 'The record cannot move to stage proposal: may move to proposal or lost' });
  });

  it('refuses a 422 naming a field the user cannot fill in', () => {
    expect(explainMoveProblem(problem(422, { errors: [{ path: '/weighted', message: 'x' }] }), context).kind).toBe('refused');
  });

  it('turns a 409 with an approval into a gate', () => {
    expect(explainMoveProblem(problem(409, { approval: 'big_discount' }), context)).toEqual({ kind: 'gate', process: 'big_discount' });
  });

  it('refuses a 409 without an approval, and every other status, with the problem’s detail', () => {
    expect(explainMoveProblem(problem(409), context)).toEqual({ kind: 'refused', message: 'The record cannot move to stage proposal' });
    expect(explainMoveProblem(problem(423), context).kind).toBe('refused');
  });
});
