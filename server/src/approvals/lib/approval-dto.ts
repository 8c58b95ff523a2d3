import type { RequestRow } from '../approval-store.js';
import type { ActionKind, TaskStatus } from '../approval-types.js';
import { describeSteps, type StepView } from './describe-steps.js';

export interface TaskRow { id: string; step: number; assignee: string; assignee_name?: string | null; status: TaskStatus; escalation: boolean; acted_at: Date | null; due_at: Date | null; reminded_at: Date | null }
export interface ActionRow { action: ActionKind; by: string | null; by_name?: string | null; to_user: string | null; to_name?: string | null; at: Date; comment: string | null; step: number }

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const stepName = (req: RequestRow, index: number) => req.definition.steps[index]?.name ?? null;

/** One request in a list: where it stands, without its tasks and actions. */
export function requestSummary(req: RequestRow & { submitted_by_name?: string | null }) {
  return {
    id: req.id, object: req.object, recordId: req.record_id, process: req.process,
    ...(req.definition.label ? { processLabel: req.definition.label } : {}),
    status: req.status, step: stepName(req, req.step), stepIndex: req.step,
    submittedBy: req.submitted_by, submittedByName: req.submitted_by_name ?? null, submittedAt: iso(req.submitted_at), decidedAt: iso(req.decided_at),
    targetStage: req.target_stage, version: req.version,
  };
}

/** `GET /api/approvals/{id}` (and every action's answer): the request with its steps, tasks and actions. */
export function requestDetail(req: RequestRow & { submitted_by_name?: string | null }, tasks: TaskRow[], actions: ActionRow[]) {
  const steps: StepView[] = describeSteps(req.definition, req.status, req.step, tasks);
  return {
    ...requestSummary(req),
    allowRecall: req.definition.allowRecall === true,
    steps,
    tasks: tasks.map((t) => ({
      id: t.id, step: stepName(req, t.step), stepIndex: t.step, assignee: t.assignee, assigneeName: t.assignee_name ?? null, status: t.status, escalation: t.escalation,
      actedAt: iso(t.acted_at), dueAt: iso(t.due_at), remindedAt: iso(t.reminded_at),
    })),
    actions: actions.map((a) => ({ action: a.action, by: a.by, byName: a.by_name ?? null, at: iso(a.at), comment: a.comment, step: stepName(req, a.step), ...(a.to_user ? { to: a.to_user, toName: a.to_name ?? null } : {}) })),
  };
}
