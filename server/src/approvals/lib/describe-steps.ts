import type { ApprovalDef, Label } from '@loom/metadata';
import type { RequestStatus, TaskState } from '../approval-types.js';

export type StepStatus = 'approved' | 'skipped' | 'current' | 'rejected' | 'recalled' | 'waiting' | 'notReached';

export interface StepView {
  index: number;
  name: string;
  label?: Label;
  mode: string;
  status: StepStatus;
}

/**
 * Where a request stands on each step of its process, for `GET /api/approvals/{id}`: steps before the
 * current one were approved (they had tasks) or skipped (their `when` did not hold); after it they wait,
 * or were never reached once the request was rejected or recalled.
 */
export function describeSteps(def: ApprovalDef, status: RequestStatus, current: number, tasks: Pick<TaskState, 'step'>[]): StepView[] {
  return def.steps.map((step, index) => {
    const ran = tasks.some((t) => t.step === index);
    return { index, name: step.name, ...(step.label ? { label: step.label } : {}), mode: step.mode ?? 'any', status: stepStatus(index, current, status, ran) };
  });
}

function stepStatus(index: number, current: number, status: RequestStatus, ran: boolean): StepStatus {
  if (index < current) return ran ? 'approved' : 'skipped';
  if (index === current) {
    if (status === 'pending') return 'current';
    if (status === 'approved') return ran ? 'approved' : 'skipped';
    return status;
  }
  if (status === 'pending') return 'waiting';
  return status === 'approved' ? 'skipped' : 'notReached';
}
