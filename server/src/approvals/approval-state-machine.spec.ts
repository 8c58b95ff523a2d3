import type { ApprovalDef, ApprovalMode } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { applyCommand, startRequest } from './approval-state-machine.js';
import type { RequestState, StepPlan, TaskState } from './approval-types.js';

const def = (over: Partial<ApprovalDef> = {}, modes: ApprovalMode[] = ['any', 'all']): ApprovalDef => ({
  kind: 'approval', name: 'big_discount', object: 'opportunity', allowRecall: true,
  steps: [
    { name: 'manager', approvers: { manager: 'owner' }, mode: modes[0], timeout: { minutes: 0.05, action: 'escalate', to: { role: 'sales_director' } } },
    { name: 'finance', approvers: { role: 'finance' }, mode: modes[1], when: { amount: { $gte: 500000 } } },
  ],
  ...over,
});
const plan = (finance: boolean, manager = ['m1']): StepPlan[] => [
  { applies: true, assignees: manager, escalateTo: ['d1'] },
  { applies: finance, assignees: ['f1', 'f2'], escalateTo: [] },
];
const task = (id: string, step: number, assignee: string, extra: Partial<TaskState> = {}): TaskState =>
  ({ id, step, assignee, status: 'open', escalation: false, dueAt: null, ...extra });
const atManager = (tasks: TaskState[] = [task('t1', 0, 'm1', { dueAt: '2030-01-01T00:00:00Z' })]): RequestState => ({ status: 'pending', step: 0, submittedBy: 'rep', tasks });
const atFinance = (extra: TaskState[] = []): RequestState => ({
  status: 'pending', step: 1, submittedBy: 'rep',
  tasks: [task('t1', 0, 'm1', { status: 'approved' }), task('f1t', 1, 'f1'), task('f2t', 1, 'f2'), ...extra],
});
const ok = (v: ReturnType<typeof applyCommand>) => {
  if (!v.ok) throw new Error(`refused: ${v.status} ${v.reason}`);
  return v.next;
};

describe('startRequest', () => {
  it('opens the first applicable step with its timeout and records the submit', () => {
    const next = ok(startRequest(def(), plan(true), 'rep', 'please'));
    expect(next).toMatchObject({ status: 'pending', step: 0, outcome: null, events: ['approval.submitted'] });
    expect(next.openTasks).toEqual([{ step: 0, assignee: 'm1', escalation: false, dueInMs: 3000 }]);
    expect(next.actions).toEqual([{ action: 'submit', by: 'rep', step: 0, comment: 'please' }]);
  });

  it('skips steps whose `when` does not hold', () => {
    const d = def({ steps: [{ ...def().steps[1], name: 'first' }, def().steps[0]] });
    const next = ok(startRequest(d, [plan(false)[1], plan(false)[0]], 'rep'));
    expect(next.step).toBe(1);
    expect(next.openTasks.map((t) => t.assignee)).toEqual(['m1']);
  });

  it('approves at once when no step applies', () => {
    const next = ok(startRequest(def({ steps: [def().steps[1]] }), [plan(false)[1]], 'rep'));
    expect(next).toMatchObject({ status: 'approved', outcome: 'approved', events: ['approval.submitted', 'approval.decided'] });
  });

  it('refuses (422) when an applicable step has no approver', () => {
    expect(startRequest(def(), plan(true, []), 'rep')).toMatchObject({ ok: false, status: 422, path: '/steps/0/approvers' });
  });

  it('throws on a plan that does not match the process (a programming error, not a refusal)', () => {
    expect(() => startRequest(def(), [], 'rep')).toThrow(/plan/);
  });
});

describe('approve', () => {
  it('any: the first approval decides the step and opens the next one', () => {
    const next = ok(applyCommand(def(), atManager([task('t1', 0, 'm1'), task('t2', 0, 'm2')]), plan(true), { kind: 'approve', by: 'm2', comment: 'ok' }));
    expect(next).toMatchObject({ status: 'pending', step: 1, outcome: null, events: ['approval.approved'] });
    expect(next.closeTasks).toEqual([{ id: 't2', status: 'approved' }, { id: 't1', status: 'cancelled' }]);
    expect(next.openTasks.map((t) => t.assignee)).toEqual(['f1', 'f2']);
    expect(next.actions).toEqual([{ action: 'approve', by: 'm2', step: 0, comment: 'ok' }]);
  });

  it('approves the request after the last applicable step (finance skipped)', () => {
    const next = ok(applyCommand(def(), atManager(), plan(false), { kind: 'approve', by: 'm1' }));
    expect(next).toMatchObject({ status: 'approved', outcome: 'approved', events: ['approval.approved', 'approval.decided'] });
  });

  it('all: waits for every task, then approves', () => {
    const first = ok(applyCommand(def(), atFinance(), plan(true), { kind: 'approve', by: 'f1' }));
    expect(first).toMatchObject({ status: 'pending', step: 1, outcome: null, closeTasks: [{ id: 'f1t', status: 'approved' }] });
    const state = atFinance();
    state.tasks[1].status = 'approved';
    expect(ok(applyCommand(def(), state, plan(true), { kind: 'approve', by: 'f2' }))).toMatchObject({ status: 'approved', outcome: 'approved' });
  });

  it('firstResponds: the first approval decides', () => {
    const next = ok(applyCommand(def({}, ['any', 'firstResponds']), atFinance(), plan(true), { kind: 'approve', by: 'f2' }));
    expect(next.closeTasks).toEqual([{ id: 'f2t', status: 'approved' }, { id: 'f1t', status: 'cancelled' }]);
    expect(next.status).toBe('approved');
  });

  it('an escalation task decides its step alone, even in all mode', () => {
    const next = ok(applyCommand(def(), atFinance([task('d1t', 1, 'd1', { escalation: true })]), plan(true), { kind: 'approve', by: 'd1' }));
    expect(next.status).toBe('approved');
    expect(next.closeTasks.map((t) => t.status)).toEqual(['approved', 'cancelled', 'cancelled']);
  });

  it('refuses 403 to a user without a task, 409 to one whose task is closed, 409 once decided', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'approve', by: 'stranger' })).toMatchObject({ ok: false, status: 403 });
    expect(applyCommand(def(), atFinance(), plan(true), { kind: 'approve', by: 'm1' })).toMatchObject({ ok: false, status: 409 });
    expect(applyCommand(def(), { ...atManager(), status: 'approved' }, plan(true), { kind: 'approve', by: 'm1' })).toMatchObject({ ok: false, status: 409, reason: 'The request is already approved' });
  });

  it('refuses 422 when the next step has no approver left', () => {
    const p = plan(true);
    p[1].assignees = [];
    expect(applyCommand(def(), atManager(), p, { kind: 'approve', by: 'm1' })).toMatchObject({ ok: false, status: 422, path: '/steps/1/approvers' });
  });
});

describe('reject', () => {
  it('needs a comment (422 /comment)', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'reject', by: 'm1', comment: '  ' })).toMatchObject({ ok: false, status: 422, path: '/comment' });
  });

  it('all: one rejection rejects the request and cancels the other tasks', () => {
    const next = ok(applyCommand(def(), atFinance(), plan(true), { kind: 'reject', by: 'f1', comment: 'too cheap' }));
    expect(next).toMatchObject({ status: 'rejected', outcome: 'rejected', events: ['approval.rejected', 'approval.decided'] });
    expect(next.closeTasks).toEqual([{ id: 'f1t', status: 'rejected' }, { id: 'f2t', status: 'cancelled' }]);
  });

  it('any: rejects only when no other task is left open', () => {
    const two = atManager([task('t1', 0, 'm1'), task('t2', 0, 'm2')]);
    expect(ok(applyCommand(def(), two, plan(true), { kind: 'reject', by: 'm1', comment: 'no' }))).toMatchObject({ status: 'pending', outcome: null });
    two.tasks[0].status = 'rejected';
    expect(ok(applyCommand(def(), two, plan(true), { kind: 'reject', by: 'm2', comment: 'no' }))).toMatchObject({ status: 'rejected' });
  });

  it('firstResponds: the first rejection decides', () => {
    expect(ok(applyCommand(def({}, ['any', 'firstResponds']), atFinance(), plan(true), { kind: 'reject', by: 'f2', comment: 'no' })).status).toBe('rejected');
  });

  it('refuses 403 without a task', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'reject', by: 'x', comment: 'no' })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('return', () => {
  it('sends the request back to an earlier step with fresh tasks', () => {
    const next = ok(applyCommand(def(), atFinance(), plan(true), { kind: 'return', by: 'f1', toStep: 0, comment: 'check the margin' }));
    expect(next).toMatchObject({ status: 'pending', step: 0, events: ['approval.returned'] });
    expect(next.closeTasks).toEqual([{ id: 'f1t', status: 'returned' }, { id: 'f2t', status: 'cancelled' }]);
    expect(next.openTasks).toEqual([{ step: 0, assignee: 'm1', escalation: false, dueInMs: 3000 }]);
    expect(next.actions).toEqual([{ action: 'return', by: 'f1', step: 1, comment: 'check the margin' }]);
  });

  it('defaults to the previous applicable step', () => {
    expect(ok(applyCommand(def(), atFinance(), plan(true), { kind: 'return', by: 'f1' })).step).toBe(0);
  });

  it('refuses 422 for the current or a later step, a skipped step, or when there is no earlier step', () => {
    expect(applyCommand(def(), atFinance(), plan(true), { kind: 'return', by: 'f1', toStep: 1 })).toMatchObject({ ok: false, status: 422, path: '/toStep' });
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'return', by: 'm1' })).toMatchObject({ ok: false, status: 422, path: '/toStep' });
    const p = plan(true);
    p[0].applies = false;
    expect(applyCommand(def(), atFinance(), p, { kind: 'return', by: 'f1', toStep: 0 })).toMatchObject({ ok: false, status: 422, reason: 'Step manager does not apply to this record' });
  });
});

describe('recall', () => {
  it('the submitter recalls: every open task is cancelled', () => {
    const next = ok(applyCommand(def(), atFinance(), plan(true), { kind: 'recall', by: 'rep' }));
    expect(next).toMatchObject({ status: 'recalled', outcome: 'recalled', events: ['approval.recalled'] });
    expect(next.closeTasks).toEqual([{ id: 'f1t', status: 'cancelled' }, { id: 'f2t', status: 'cancelled' }]);
  });

  it('refuses 403 to anyone else, and when the process does not allow recall', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'recall', by: 'm1' })).toMatchObject({ ok: false, status: 403 });
    expect(applyCommand(def({ allowRecall: false }), atManager(), plan(true), { kind: 'recall', by: 'rep' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses 409 once decided', () => {
    expect(applyCommand(def(), { ...atManager(), status: 'rejected' }, plan(true), { kind: 'recall', by: 'rep' })).toMatchObject({ ok: false, status: 409 });
  });
});

describe('reassign', () => {
  it('moves the open task to another user, keeping its deadline', () => {
    const next = ok(applyCommand(def(), atManager(), plan(true), { kind: 'reassign', by: 'm1', to: 'm9', comment: 'on leave' }));
    expect(next.closeTasks).toEqual([{ id: 't1', status: 'reassigned' }]);
    expect(next.openTasks).toEqual([{ step: 0, assignee: 'm9', escalation: false, dueAt: '2030-01-01T00:00:00Z' }]);
    expect(next.actions).toEqual([{ action: 'reassign', by: 'm1', step: 0, comment: 'on leave', to: 'm9' }]);
  });

  it('refuses 422 to oneself or to a user who already holds a task here, 403 without a task', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'reassign', by: 'm1', to: 'm1' })).toMatchObject({ ok: false, status: 422, path: '/to' });
    expect(applyCommand(def(), atFinance(), plan(true), { kind: 'reassign', by: 'f1', to: 'f2' })).toMatchObject({ ok: false, status: 422, path: '/to' });
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'reassign', by: 'x', to: 'm9' })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('comment', () => {
  it('the submitter and approvers comment without changing the state', () => {
    const next = ok(applyCommand(def(), atFinance(), plan(true), { kind: 'comment', by: 'm1', comment: 'fyi' }));
    expect(next).toMatchObject({ status: 'pending', step: 1, closeTasks: [], openTasks: [], events: ['approval.commented'] });
    expect(ok(applyCommand(def(), atFinance(), plan(true), { kind: 'comment', by: 'rep', comment: 'thanks' })).actions[0].by).toBe('rep');
  });

  it('refuses 403 to others and 422 to an empty comment', () => {
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'comment', by: 'x', comment: 'hi' })).toMatchObject({ ok: false, status: 403 });
    expect(applyCommand(def(), atManager(), plan(true), { kind: 'comment', by: 'rep', comment: '' })).toMatchObject({ ok: false, status: 422, path: '/comment' });
  });
});

describe('timeout', () => {
  const withAction = (action: 'remind' | 'escalate' | 'approve' | 'reject') => {
    const d = def();
    d.steps[0].timeout = action === 'escalate' ? d.steps[0].timeout : { hours: 1, action };
    return d;
  };

  it('escalate: adds an escalation task for `to` (none for current holders) and clears the deadline', () => {
    const next = ok(applyCommand(withAction('escalate'), atManager(), plan(true), { kind: 'timeout', due: ['t1'] }));
    expect(next).toMatchObject({ status: 'pending', step: 0, clearDue: ['t1'], events: ['approval.escalated'] });
    expect(next.openTasks).toEqual([{ step: 0, assignee: 'd1', escalation: true, dueInMs: null }]);
    expect(next.actions).toMatchObject([{ action: 'escalate', by: null, step: 0 }]);
    const p = plan(true);
    p[0].escalateTo = ['m1'];
    expect(ok(applyCommand(withAction('escalate'), atManager(), p, { kind: 'timeout', due: ['t1'] })).openTasks).toEqual([]);
  });

  it('remind: marks the due tasks reminded, nothing else changes', () => {
    const next = ok(applyCommand(withAction('remind'), atManager(), plan(true), { kind: 'timeout', due: ['t1'] }));
    expect(next).toMatchObject({ status: 'pending', remind: ['t1'], clearDue: ['t1'], actions: [], events: ['approval.reminded'] });
  });

  it('approve: the system approves the step', () => {
    const next = ok(applyCommand(withAction('approve'), atManager(), plan(true), { kind: 'timeout', due: ['t1'] }));
    expect(next).toMatchObject({ status: 'pending', step: 1, closeTasks: [{ id: 't1', status: 'cancelled' }] });
    expect(next.actions).toMatchObject([{ action: 'approve', by: null, step: 0 }]);
  });

  it('reject: the system rejects the request', () => {
    const next = ok(applyCommand(withAction('reject'), atManager(), plan(true), { kind: 'timeout', due: ['t1'] }));
    expect(next).toMatchObject({ status: 'rejected', outcome: 'rejected', closeTasks: [{ id: 't1', status: 'cancelled' }] });
    expect(next.actions).toMatchObject([{ action: 'reject', by: null }]);
  });

  it('refuses 409 when nothing is due (another node already handled it) or the step has no timeout', () => {
    expect(applyCommand(def(), atManager([task('t1', 0, 'm1')]), plan(true), { kind: 'timeout', due: ['t1'] })).toMatchObject({ ok: false, status: 409 });
    expect(applyCommand(def(), atFinance(), plan(true), { kind: 'timeout', due: ['f1t'] })).toMatchObject({ ok: false, status: 409 });
  });
});
