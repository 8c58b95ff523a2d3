import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/api/api-problem';
import en from '@/locales/en';
import { explainApprovalProblem } from './explain-approval-problem';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type: 'https://loom.dev/problems/x', title: 'Refused', status, detail: 'The detail', ...extra });
const text = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);

describe('explainApprovalProblem', () => {
  it.each([
    [409, 'submit', 'recordPage.problems.pending', true],
    [422, 'submit', 'recordPage.problems.entry', false],
    [409, 'act', 'recordPage.problems.decided', true],
    [403, 'act', 'recordPage.problems.forbidden', true],
    [423, 'act', 'recordPage.problems.locked', true],
  ] as const)('%i during %s → %s', (status, during, messageKey, reload) => {
    const explained = explainApprovalProblem(problem(status), during);
    expect(explained).toEqual({ messageKey, status, detail: 'The detail', reload });
    expect(typeof text(messageKey)).toBe('string');
  });

  it('prefers the messages of the errors to the detail', () => {
    const explained = explainApprovalProblem(problem(422, { errors: [{ path: '/recordId', message: 'does not meet the entry condition of big_discount' }] }), 'submit');
    expect(explained.detail).toBe('does not meet the entry condition of big_discount');
  });
});
