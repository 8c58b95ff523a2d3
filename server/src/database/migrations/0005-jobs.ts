import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Jobs on PostgreSQL (the driver used without Redis), the automation run log and user notifications. */
export class Jobs1764489600005 implements MigrationInterface {
  name = 'Jobs1764489600005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.job (
      id varchar(200) PRIMARY KEY,
      queue varchar(63) NOT NULL,
      name varchar(100) NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      run_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 5,
      status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'dead')),
      last_error text,
      locked_by varchar(100),
      locked_until timestamptz,
      progress jsonb,
      result jsonb,
      owner uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX job_ready_idx ON core.job (run_at) WHERE status IN ('queued', 'failed')`);
    await q.query(`CREATE INDEX job_running_idx ON core.job (locked_until) WHERE status = 'running'`);
    await q.query(`CREATE INDEX job_status_idx ON core.job (status, updated_at)`);
    await q.query(`CREATE TABLE core.automation_run (
      id bigserial PRIMARY KEY,
      automation varchar(63) NOT NULL,
      event_id uuid NOT NULL,
      event varchar(40) NOT NULL,
      object varchar(63),
      record_id uuid,
      depth smallint NOT NULL DEFAULT 0,
      status varchar(16) NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'skipped', 'loop')),
      actions jsonb NOT NULL DEFAULT '[]',
      error text,
      attempts integer NOT NULL DEFAULT 1,
      at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      UNIQUE (automation, event_id)
    )`);
    await q.query(`CREATE INDEX automation_run_at_idx ON core.automation_run (automation, at DESC)`);
    await q.query(`CREATE INDEX automation_run_status_idx ON core.automation_run (status, at DESC)`);
    await q.query(`CREATE TABLE core.notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES core."user"(id) ON DELETE CASCADE,
      message text NOT NULL,
      object varchar(63),
      record_id uuid,
      automation varchar(63),
      event_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`);
    await q.query(`CREATE INDEX notification_user_idx ON core.notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON core.notification (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.notification, core.automation_run, core.job`);
  }
}
