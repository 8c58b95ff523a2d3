import type { ApprovalDetail, ApprovalStepView, ApprovalSummary } from '@/api/approvals';

/**
 * Whether the user may approve or reject now: the request is pending and they hold an open task
 * on its current step (the list says so in `myTask`, the detail in its tasks).
 */
export function canDecide(request: ApprovalSummary | ApprovalDetail, userId: string | null | undefined): boolean {
  if (request.status !== 'pending' || !userId) return false;
  if ('tasks' in request && Array.isArray(request.tasks)) {
    return request.tasks.some((task) => task.assignee === userId && task.status === 'open' && task.stepIndex === request.stepIndex);
  }
  return request.myTask?.status === 'open';
}

/** The submitter may take a pending request back when its process allows recall. */
export function canRecall(request: ApprovalSummary | ApprovalDetail, userId: string | null | undefined, allowRecall: boolean | undefined): boolean {
  const allowed = 'allowRecall' in request && typeof request.allowRecall === 'boolean' ? request.allowRecall : allowRecall === true;
  return request.status === 'pending' && !!userId && request.submittedBy === userId && allowed;
}

export type StepDisplay = 'finish' | 'process' | 'wait' | 'error' | 'success';

/** A step's state as an `el-step` status (a skipped step stays grey; its description says skipped). */
export function stepDisplay(step: Pick<ApprovalStepView, 'status'>): StepDisplay {
  switch (step.status) {
    case 'approved':
      return 'success';
    case 'current':
      return 'process';
    case 'rejected':
    case 'recalled':
      return 'error';
    default:
      return 'wait';
  }
}

/** The `el-steps` active index: the current step, or past the last one once decided. */
export function activeStep(request: Pick<ApprovalDetail, 'status' | 'stepIndex' | 'steps'>): number {
  return request.status === 'approved' ? request.steps.length : request.stepIndex;
}

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const STATUS_TAG: Record<string, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  recalled: 'info',
};

/** Colours of the timeline dots per action. */
export const ACTION_TAG: Record<string, TagType> = {
  submit: 'primary',
  approve: 'success',
  reject: 'danger',
  return: 'warning',
  recall: 'info',
  reassign: 'info',
  escalate: 'warning',
  comment: 'info',
};

/** A user for whom no name is known: a short, stable stand-in instead of a full id. */
export function shortUserId(id: string): string {
  return id.slice(0, 8);
}
