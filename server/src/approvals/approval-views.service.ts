import { Injectable } from '@nestjs/common';
import { isAdmin, type CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { notFound } from '../common/problem.js';
import { isUuid } from '../users/users.service.js';
import type { RequestRow } from './approval-store.js';
import { requestDetail, requestSummary, type ActionRow, type TaskRow } from './lib/approval-dto.js';
import type { ApprovalListQuery } from './lib/parse-approval-list-query.js';

/** Who may see a request: the submitter, anyone who holds or held a task on it, and admins. */
const VISIBLE = `(r.submitted_by = $1 OR EXISTS (SELECT 1 FROM core.approval_task vt WHERE vt.request_id = r.id AND vt.assignee = $1))`;
const OPEN_FOR_ME = `EXISTS (SELECT 1 FROM core.approval_task ot WHERE ot.request_id = r.id AND ot.assignee = $1 AND ot.status = 'open' AND ot.step = r.step)`;

/** The inbox, the caller's submissions and one request in full. */
@Injectable()
export class ApprovalViews {
  constructor(private readonly db: Db) {}

  /** The request when the caller may see it (404 otherwise: its existence is not revealed). */
  async visibleOrThrow(user: CurrentUser, id: string): Promise<RequestRow> {
    const [row] = isUuid(id)
      ? await this.db.query<RequestRow>(`SELECT r.* FROM core.approval_request r WHERE r.id = $2 AND ($3 OR ${VISIBLE})`, [user.id, id, isAdmin(user)])
      : [];
    if (!row) throw notFound(`No approval request ${id}`);
    return row;
  }

  async get(user: CurrentUser, id: string) {
    const req = await this.visibleOrThrow(user, id);
    const tasks = await this.db.query<TaskRow>(
      `SELECT id, step, assignee, status, escalation, acted_at, due_at, reminded_at FROM core.approval_task WHERE request_id = $1 ORDER BY created_at, id`, [id]);
    const actions = await this.db.query<ActionRow>(`SELECT action, by, to_user, at, comment, step FROM core.approval_action WHERE request_id = $1 ORDER BY id`, [id]);
    return requestDetail(req, tasks, actions);
  }

  /**
   * `box`: inbox (requests the caller approves), submitted (the caller's), all (both; every request for
   * admins). In the inbox `pending` means waiting for the caller (an open task of theirs).
   */
  async list(user: CurrentUser, q: ApprovalListQuery) {
    const params: unknown[] = [user.id];
    const bind = (v: unknown) => `$${params.push(v)}`;
    const box = q.box === 'submitted' ? 'r.submitted_by = $1'
      : q.box === 'inbox' ? `EXISTS (SELECT 1 FROM core.approval_task bt WHERE bt.request_id = r.id AND bt.assignee = $1)`
      : isAdmin(user) ? '(TRUE OR r.submitted_by = $1)' /* every request; $1 stays typed */ : VISIBLE;
    const pending = q.box === 'inbox' ? `r.status = 'pending' AND ${OPEN_FOR_ME}` : `r.status = 'pending'`;
    const status = q.status === undefined ? 'TRUE' : q.status === 'pending' ? pending : `r.status = ${bind(q.status)}`;
    const [counts] = await this.db.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE ${pending})::int AS pending, count(*) FILTER (WHERE r.status = 'approved')::int AS approved,
              count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected, count(*) FILTER (WHERE r.status = 'recalled')::int AS recalled,
              count(*) FILTER (WHERE ${status})::int AS total
         FROM core.approval_request r WHERE ${box}`, params);
    const rows = await this.db.query<RequestRow & { my_task: { id: string; status: string; step: number } | null }>(
      `SELECT r.*, (SELECT json_build_object('id', t.id, 'status', t.status, 'step', t.step) FROM core.approval_task t
                     WHERE t.request_id = r.id AND t.assignee = $1 ORDER BY (t.status = 'open') DESC, t.created_at DESC LIMIT 1) AS my_task
         FROM core.approval_request r WHERE ${box} AND ${status}
        ORDER BY r.submitted_at DESC, r.id LIMIT ${bind(q.limit)} OFFSET ${bind(q.offset)}`, params);
    const { total, ...byStatus } = counts;
    return {
      data: rows.map((r) => ({ ...requestSummary(r), myTask: r.my_task && { ...r.my_task, step: r.definition.steps[r.my_task.step]?.name ?? null } })),
      counts: byStatus, total,
    };
  }
}
