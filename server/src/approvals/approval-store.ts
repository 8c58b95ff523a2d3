import type { ApprovalDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { conflict } from '../common/problem.js';
import type { RequestStatus, TaskState, TaskStatus, Transition } from './approval-types.js';

/** A row of core.approval_request; `definition` is the process as it was at submission. */
export interface RequestRow {
  id: string;
  object: string;
  record_id: string;
  process: string;
  definition: ApprovalDef;
  status: RequestStatus;
  step: number;
  submitted_by: string;
  submitted_at: Date;
  decided_at: Date | null;
  target_stage: string | null;
  stage_field: string | null;
  version: number;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * Takes a pending request for one state change: the version bump is the state-guarded write that
 * locks the row, so concurrent actions on one request run one after the other, and an action that
 * waited re-reads the status it is guarded by (SECURITY.md 10). Null when it is not pending (or absent).
 */
export async function claimPendingRequest(tx: Tx, id: string): Promise<RequestRow | null> {
  const [row] = await tx.query<RequestRow>(`UPDATE core.approval_request SET version = version + 1 WHERE id = $1 AND status = 'pending' RETURNING *`, [id]);
  return row ?? null;
}

export async function loadTasks(tx: Tx, requestId: string): Promise<TaskState[]> {
  const rows = await tx.query<{ id: string; step: number; assignee: string; status: TaskStatus; escalation: boolean; due_at: Date | null }>(
    `SELECT id, step, assignee, status, escalation, due_at FROM core.approval_task WHERE request_id = $1 ORDER BY created_at, id`, [requestId]);
  return rows.map((r) => ({ id: r.id, step: r.step, assignee: r.assignee, status: r.status, escalation: r.escalation, dueAt: iso(r.due_at) }));
}

export async function insertRequest(tx: Tx, r: { object: string; recordId: string; definition: ApprovalDef; submittedBy: string; targetStage?: string; stageField?: string }): Promise<RequestRow> {
  const [row] = await tx.query<RequestRow>(
    `INSERT INTO core.approval_request (object, record_id, process, definition, submitted_by, target_stage, stage_field) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [r.object, r.recordId, r.definition.name, JSON.stringify(r.definition), r.submittedBy, r.targetStage ?? null, r.stageField ?? null],
  ).catch((e: unknown) => {
    if ((e as { status?: number }).status === 409) throw conflict('The record already has a pending approval', { errors: [{ path: '/recordId', message: 'has a pending approval' }] });
    throw e;
  });
  return row;
}

/** Writes a transition of `req` (claimed or just inserted): tasks, request, actions and outbox events, all state-guarded. */
export async function applyTransition(tx: Tx, req: RequestRow, next: Transition, actor: string | null): Promise<void> {
  if (next.closeTasks.length) {
    const closed = await tx.query(
      `UPDATE core.approval_task t SET status = c.status, acted_at = now() FROM unnest($1::uuid[], $2::text[]) AS c(id, status)
        WHERE t.id = c.id AND t.request_id = $3 AND t.status = 'open' RETURNING t.id`,
      [next.closeTasks.map((c) => c.id), next.closeTasks.map((c) => c.status), req.id]);
    if (closed.length !== next.closeTasks.length) throw conflict('The approval changed meanwhile; reload it and try again');
  }
  if (next.clearDue.length) await tx.query(`UPDATE core.approval_task SET due_at = NULL WHERE id = ANY($1::uuid[]) AND status = 'open'`, [next.clearDue]);
  if (next.remind.length) await tx.query(`UPDATE core.approval_task SET reminded_at = now() WHERE id = ANY($1::uuid[]) AND status = 'open'`, [next.remind]);
  for (const t of next.openTasks) {
    await tx.query(
      `INSERT INTO core.approval_task (request_id, step, assignee, escalation, due_at)
       VALUES ($1, $2, $3, $4, COALESCE($5::timestamptz, now() + $6::float8 * interval '1 millisecond'))`,
      [req.id, t.step, t.assignee, t.escalation, t.dueAt ?? null, t.dueInMs ?? null]);
  }
  const [moved] = await tx.query(
    `UPDATE core.approval_request SET status = $2::text, step = $3, decided_at = CASE WHEN $2::text = 'pending' THEN NULL ELSE now() END
      WHERE id = $1 AND version = $4 AND status = 'pending' RETURNING id`,
    [req.id, next.status, next.step, req.version]);
  if (!moved) throw conflict('The approval changed meanwhile; reload it and try again');
  for (const a of next.actions) {
    await tx.query(`INSERT INTO core.approval_action (request_id, step, action, by, to_user, comment) VALUES ($1, $2, $3, $4, $5, $6)`,
      [req.id, a.step, a.action, a.by, a.to ?? null, a.comment]);
  }
  const last = next.actions.at(-1);
  for (const type of next.events) {
    const payload = {
      requestId: req.id, process: req.process, status: next.status, step: req.definition.steps[next.step]?.name ?? null,
      ...(last ? { action: last.action, by: last.by, comment: last.comment } : {}),
      ...(next.outcome ? { outcome: next.outcome } : {}),
    };
    await tx.query(`INSERT INTO core.outbox (type, object, record_id, payload, actor) VALUES ($1, $2, $3, $4, $5)`,
      [type, req.object, req.record_id, JSON.stringify(payload), actor]);
  }
}
