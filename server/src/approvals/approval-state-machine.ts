import type { ApprovalDef } from '@loom/metadata';
import type { ApprovalCommand, Refusal, RequestState, StepPlan, TaskState, Transition, Verdict } from './approval-types.js';
import { timeoutMs } from './lib/step-timeout.js';

/**
 * The approval engine as a pure state machine (DESIGN.md §2 "Approval processes"): the process, the
 * request as stored and what the engine found per step (`plan`) + one command → the next state and
 * every change to get there, or a refusal with a reason. The service persists the result.
 *
 * Modes: `any` — the first approval decides the step, it is rejected only when every task rejected;
 * `all` — every task must approve, one rejection rejects; `firstResponds` — the first response decides.
 * A task added by a timeout escalation decides its step alone, whatever the mode.
 */
export function startRequest(def: ApprovalDef, plan: StepPlan[], by: string, comment?: string): Verdict {
  checkPlan(def, plan);
  const empty = plan.findIndex((p) => p.applies && p.assignees.length === 0);
  if (empty >= 0) return refuse(422, `Step ${def.steps[empty].name} has no active approver for this record`, `/steps/${empty}/approvers`);
  const first = nextApplicable(plan, -1);
  const next = transition({ status: 'pending', step: Math.max(first, 0) });
  next.actions.push({ action: 'submit', by, step: next.step, comment: comment ?? null });
  next.events.push('approval.submitted');
  if (first < 0) return { ok: true, next: decide(next, 'approved') };
  next.openTasks = tasksOfStep(def, plan, first);
  return { ok: true, next };
}

export function applyCommand(def: ApprovalDef, state: RequestState, plan: StepPlan[], command: ApprovalCommand): Verdict {
  checkPlan(def, plan);
  if (state.status !== 'pending') return refuse(409, `The request is already ${state.status}`);
  switch (command.kind) {
    case 'approve': {
      const task = callerTask(state, command.by);
      return task.ok ? approve(def, state, plan, command.by, command.comment, task.task) : task;
    }
    case 'reject': return reject(def, state, command.by, command.comment);
    case 'return': return returnTo(def, state, plan, command.by, command.toStep, command.comment);
    case 'recall': return recall(def, state, command.by, command.comment);
    case 'reassign': return reassign(state, command.by, command.to, command.comment);
    case 'comment': return comment(state, command.by, command.comment);
    case 'timeout': return timeout(def, state, plan, command.due);
  }
}

function approve(def: ApprovalDef, state: RequestState, plan: StepPlan[], by: string | null, comment?: string, task?: TaskState): Verdict {
  const next = transition(state);
  if (task) next.closeTasks.push({ id: task.id, status: 'approved' });
  next.actions.push({ action: 'approve', by, step: state.step, comment: comment ?? null });
  next.events.push('approval.approved');
  const pending = openAt(state).filter((t) => t.id !== task?.id && !t.escalation);
  const stepDone = !task || task.escalation || modeOf(def, state.step) !== 'all' || pending.length === 0;
  return stepDone ? advance(def, state, plan, next, task) : { ok: true, next };
}

/** The current step is approved: close its other tasks, then open the next step that applies, or approve the request. */
function advance(def: ApprovalDef, state: RequestState, plan: StepPlan[], next: Transition, decidedBy?: TaskState): Verdict {
  for (const t of openAt(state)) if (t.id !== decidedBy?.id) next.closeTasks.push({ id: t.id, status: 'cancelled' });
  const following = nextApplicable(plan, state.step);
  if (following < 0) return { ok: true, next: decide(next, 'approved') };
  if (!plan[following].assignees.length) return refuse(422, `Step ${def.steps[following].name} has no active approver for this record`, `/steps/${following}/approvers`);
  next.step = following;
  next.openTasks.push(...tasksOfStep(def, plan, following));
  return { ok: true, next };
}

function reject(def: ApprovalDef, state: RequestState, by: string, comment?: string): Verdict {
  if (!comment?.trim()) return refuse(422, 'A rejection needs a comment', '/comment');
  const task = callerTask(state, by);
  if (!task.ok) return task;
  const next = transition(state);
  next.closeTasks.push({ id: task.task.id, status: 'rejected' });
  next.actions.push({ action: 'reject', by, step: state.step, comment });
  next.events.push('approval.rejected');
  const others = openAt(state).filter((t) => t.id !== task.task.id);
  if (!task.task.escalation && modeOf(def, state.step) === 'any' && others.length) return { ok: true, next };
  for (const t of others) next.closeTasks.push({ id: t.id, status: 'cancelled' });
  return { ok: true, next: decide(next, 'rejected') };
}

function returnTo(def: ApprovalDef, state: RequestState, plan: StepPlan[], by: string, toStep: number | undefined, comment?: string): Verdict {
  const task = callerTask(state, by);
  if (!task.ok) return task;
  let target = toStep;
  if (target === undefined) {
    target = previousApplicable(plan, state.step);
    if (target < 0) return refuse(422, 'There is no earlier step to return to', '/toStep');
  }
  if (!Number.isInteger(target) || target < 0 || target >= state.step) return refuse(422, 'The request can only return to an earlier step', '/toStep');
  if (!plan[target].applies) return refuse(422, `Step ${def.steps[target].name} does not apply to this record`, '/toStep');
  if (!plan[target].assignees.length) return refuse(422, `Step ${def.steps[target].name} has no active approver for this record`, '/toStep');
  const next = transition({ status: 'pending', step: target });
  next.closeTasks.push({ id: task.task.id, status: 'returned' });
  for (const t of openAt(state)) if (t.id !== task.task.id) next.closeTasks.push({ id: t.id, status: 'cancelled' });
  next.openTasks = tasksOfStep(def, plan, target);
  next.actions.push({ action: 'return', by, step: state.step, comment: comment ?? null });
  next.events.push('approval.returned');
  return { ok: true, next };
}

function recall(def: ApprovalDef, state: RequestState, by: string, comment?: string): Verdict {
  if (by !== state.submittedBy) return refuse(403, 'Only the submitter can recall a request');
  if (!def.allowRecall) return refuse(403, `Process ${def.name} does not allow recall`);
  const next = transition(state);
  for (const t of state.tasks) if (t.status === 'open') next.closeTasks.push({ id: t.id, status: 'cancelled' });
  next.actions.push({ action: 'recall', by, step: state.step, comment: comment ?? null });
  next.events.push('approval.recalled');
  return { ok: true, next: decide(next, 'recalled') };
}

function reassign(state: RequestState, by: string, to: string, comment?: string): Verdict {
  const task = callerTask(state, by);
  if (!task.ok) return task;
  if (to === by) return refuse(422, 'A task cannot be reassigned to its own assignee', '/to');
  if (openAt(state).some((t) => t.assignee === to)) return refuse(422, 'That user already holds an open task at this step', '/to');
  const next = transition(state);
  next.closeTasks.push({ id: task.task.id, status: 'reassigned' });
  next.openTasks.push({ step: state.step, assignee: to, escalation: task.task.escalation, dueAt: task.task.dueAt });
  next.actions.push({ action: 'reassign', by, step: state.step, comment: comment ?? null, to });
  next.events.push('approval.reassigned');
  return { ok: true, next };
}

function comment(state: RequestState, by: string, text: string): Verdict {
  if (!text?.trim()) return refuse(422, 'The comment is empty', '/comment');
  if (by !== state.submittedBy && !state.tasks.some((t) => t.assignee === by)) return refuse(403, 'Only the submitter and the approvers of a request can comment on it');
  const next = transition(state);
  next.actions.push({ action: 'comment', by, step: state.step, comment: text });
  next.events.push('approval.commented');
  return { ok: true, next };
}

/** The step's deadline passed for the `due` tasks: remind them, escalate, or decide as the system. */
function timeout(def: ApprovalDef, state: RequestState, plan: StepPlan[], due: string[]): Verdict {
  const spec = def.steps[state.step].timeout;
  const dueTasks = openAt(state).filter((t) => due.includes(t.id) && t.dueAt !== null);
  if (!spec || !dueTasks.length) return refuse(409, 'No timeout is due at this step');
  const next = transition(state);
  next.clearDue = dueTasks.map((t) => t.id);
  switch (spec.action) {
    case 'remind':
      next.remind = next.clearDue;
      next.events.push('approval.reminded');
      return { ok: true, next };
    case 'escalate': {
      const holders = new Set(openAt(state).map((t) => t.assignee));
      const to = plan[state.step].escalateTo.filter((u) => !holders.has(u));
      next.openTasks = to.map((assignee) => ({ step: state.step, assignee, escalation: true, dueInMs: null }));
      next.actions.push({ action: 'escalate', by: null, step: state.step, comment: to.length ? 'No decision before the step timeout' : 'No decision before the step timeout; no one to escalate to' });
      next.events.push('approval.escalated');
      return { ok: true, next };
    }
    case 'approve':
      return approve(def, state, plan, null, 'Approved automatically: no decision before the step timeout');
    case 'reject': {
      for (const t of openAt(state)) next.closeTasks.push({ id: t.id, status: 'cancelled' });
      next.actions.push({ action: 'reject', by: null, step: state.step, comment: 'Rejected automatically: no decision before the step timeout' });
      next.events.push('approval.rejected');
      return { ok: true, next: decide(next, 'rejected') };
    }
  }
}

function callerTask(state: RequestState, by: string): { ok: true; task: TaskState } | Refusal {
  const task = openAt(state).find((t) => t.assignee === by);
  if (task) return { ok: true, task };
  if (state.tasks.some((t) => t.assignee === by)) return refuse(409, 'Your task on this request is already closed');
  return refuse(403, 'You hold no open task on this request');
}

function decide(next: Transition, outcome: 'approved' | 'rejected' | 'recalled'): Transition {
  next.status = outcome;
  next.outcome = outcome;
  if (outcome !== 'recalled') next.events.push('approval.decided');
  return next;
}

function tasksOfStep(def: ApprovalDef, plan: StepPlan[], step: number) {
  const dueInMs = timeoutMs(def.steps[step].timeout);
  return plan[step].assignees.map((assignee) => ({ step, assignee, escalation: false, dueInMs }));
}

const transition = (s: { status: Transition['status']; step: number }): Transition =>
  ({ status: s.status, step: s.step, closeTasks: [], openTasks: [], clearDue: [], remind: [], actions: [], events: [], outcome: null });
const openAt = (state: RequestState) => state.tasks.filter((t) => t.status === 'open' && t.step === state.step);
const modeOf = (def: ApprovalDef, step: number) => def.steps[step].mode ?? 'any';
const refuse = (status: Refusal['status'], reason: string, path?: string): Refusal => ({ ok: false, status, reason, ...(path ? { path } : {}) });

function nextApplicable(plan: StepPlan[], after: number): number {
  for (let i = after + 1; i < plan.length; i++) if (plan[i].applies) return i;
  return -1;
}

function previousApplicable(plan: StepPlan[], before: number): number {
  for (let i = before - 1; i >= 0; i--) if (plan[i].applies) return i;
  return -1;
}

function checkPlan(def: ApprovalDef, plan: StepPlan[]): void {
  if (plan.length !== def.steps.length) throw new Error(`approval plan has ${plan.length} steps, process ${def.name} has ${def.steps.length}`);
}
