import type { ApiProblem } from '@/api/api-problem';

/** The approval panel's refusals, said in words: a locale key under `recordPage.problems` and the server's detail. */
export interface ApprovalProblemExplanation {
  messageKey: string;
  status: number;
  detail: string;
  /** The request changed under the user: the panel loads it again. */
  reload: boolean;
}

/** The statuses the panel explains itself (request.ts shows the rest). */
export const APPROVAL_PANEL_STATUSES = [403, 409, 422, 423];

/**
 * Submit: 409 one is pending already, 422 the entry condition does not hold (or no process applies).
 * Approve / reject / recall: 403 no open task of the caller's, 409 decided already, 423 a lock.
 */
export function explainApprovalProblem(problem: ApiProblem, during: 'submit' | 'act'): ApprovalProblemExplanation {
  const detail = problem.errors.map((error) => error.message).filter(Boolean).join('; ') || problem.detail || '';
  const key = (name: string, reload = false) => ({ messageKey: `recordPage.problems.${name}`, status: problem.status, detail, reload });
  switch (problem.status) {
    case 409: return during === 'submit' ? key('pending', true) : key('decided', true);
    case 422: return key('entry');
    case 423: return key('locked', true);
    case 403: return key('forbidden', true);
    default: return { messageKey: 'errors.unexpected', status: problem.status, detail, reload: false };
  }
}
