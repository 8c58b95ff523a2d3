import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approval engine's state machine (DESIGN.md §2 "Approval processes"): one request per submission
 * (at most one pending per record), its tasks (one per approver and step, with the step's deadline)
 * and the audit trail of actions.
 */
export class Approvals1764489600006 implements MigrationInterface {
  name = 'Approvals1764489600006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.approval_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object varchar(63) NOT NULL,
      record_id uuid NOT NULL,
      process varchar(63) NOT NULL,
      definition jsonb NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'recalled')),
      step integer NOT NULL DEFAULT 0,
      submitted_by uuid NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      target_stage varchar(63),
      stage_field varchar(63),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE UNIQUE INDEX approval_request_pending_uq ON core.approval_request (object, record_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX approval_request_record_idx ON core.approval_request (object, record_id, process, status)`);
    await q.query(`CREATE INDEX approval_request_submitter_idx ON core.approval_request (submitted_by, status)`);
    await q.query(`CREATE TABLE core.approval_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL REFERENCES core.approval_request(id) ON DELETE CASCADE,
      step integer NOT NULL,
      assignee uuid NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected', 'returned', 'cancelled', 'reassigned')),
      escalation boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      acted_at timestamptz,
      due_at timestamptz,
      reminded_at timestamptz
    )`);
    await q.query(`CREATE INDEX approval_task_request_idx ON core.approval_task (request_id, step)`);
    await q.query(`CREATE INDEX approval_task_assignee_idx ON core.approval_task (assignee, status)`);
    await q.query(`CREATE INDEX approval_task_due_idx ON core.approval_task (due_at) WHERE status = 'open' AND due_at IS NOT NULL`);
    await q.query(`CREATE TABLE core.approval_action (
      id bigserial PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES core.approval_request(id) ON DELETE CASCADE,
      step integer NOT NULL,
      action varchar(16) NOT NULL CHECK (action IN ('submit', 'approve', 'reject', 'return', 'recall', 'reassign', 'escalate', 'comment')),
      by uuid,
      to_user uuid,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      comment text
    )`);
    await q.query(`CREATE INDEX approval_action_request_idx ON core.approval_action (request_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.approval_action, core.approval_task, core.approval_request`);
  }
}
