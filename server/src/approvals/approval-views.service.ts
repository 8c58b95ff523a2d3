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
/** Display names, so approvers who cannot list users still see who submitted and acted. */
const SUBMITTER_NAME = `(SELECT su.name FROM core."user" su WHERE su.id = r.submitted_by) AS submitted_by_name`;
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
    const visible = await this.visibleOrThrow(user, id);
    const [{ name }] = await this.db.query<{ name: string | null }>(`SELECT (SELECT name FROM core."user" WHERE id = $1) AS name`, [visible.submitted_by]);
    const req = { ...visible, submitted_by_name: name };
    const tasks = await this.db.query<TaskRow>(
      `SELECT t.id, t.step, t.assignee, u.name AS assignee_name, t.status, t.escalation, t.acted_at, t.due_at, t.reminded_at FROM core.approval_task t LEFT JOIN core."user" u ON u.id = t.assignee WHERE t.request_id = $1 ORDER BY t.created_at, t.id`, [id]);
    const actions = await this.db.query<ActionRow>(`SELECT a.action, a.by, b.name AS by_name, a.to_user, tu.name AS to_name, a.at, a.comment, a.step FROM core.approval_action a LEFT JOIN core."user" b ON b.id = a.by LEFT JOIN core."user" tu ON tu.id = a.to_user WHERE a.request_id = $1 ORDER BY a.id`, [id]);
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
    const about = [q.object === undefined ? '' : ` AND r.object = ${bind(q.object)}`, q.recordId === undefined ? '' : ` AND r.record_id = ${bind(q.recordId)}`].join('');
    const scope = `${box}${about}`;
    const pending = q.box === 'inbox' ? `r.status = 'pending' AND ${OPEN_FOR_ME}` : `r.status = 'pending'`;
    const status = q.status === undefined ? 'TRUE' : q.status === 'pending' ? pending : `r.status = ${bind(q.status)}`;
    const [counts] = await this.db.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE ${pending})::int AS pending, count(*) FILTER (WHERE r.status = 'approved')::int AS approved,
              count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected, count(*) FILTER (WHERE r.status = 'recalled')::int AS recalled,
              count(*) FILTER (WHERE ${status})::int AS total
         FROM core.approval_request r WHERE ${scope}`, params);
    const rows = await this.db.query<RequestRow & { submitted_by_name: string | null; my_task: { id: string; status: string; step: number } | null }>(
      `SELECT r.*, ${SUBMITTER_NAME}, (SELECT json_build_object('id', t.id, 'status', t.status, 'step', t.step) FROM core.approval_task t
                     WHERE t.request_id = r.id AND t.assignee = $1 ORDER BY (t.status = 'open') DESC, t.created_at DESC LIMIT 1) AS my_task
         FROM core.approval_request r WHERE ${scope} AND ${status}
        ORDER BY r.submitted_at DESC, r.id LIMIT ${bind(q.limit)} OFFSET ${bind(q.offset)}`, params);
    const { total, ...byStatus } = counts;
    return {
      data: rows.map((r) => ({ ...requestSummary(r), myTask: r.my_task && { ...r.my_task, step: r.definition.steps[r.my_task.step]?.name ?? null } })),
      counts: byStatus, total,
    };
  }
}
