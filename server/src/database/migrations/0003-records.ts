import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Record history, the transactional outbox, idempotency keys and stage history. */
export class Records1764489600003 implements MigrationInterface {
  name = 'Records1764489600003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.record_history (
      id bigserial PRIMARY KEY,
      object varchar(63) NOT NULL,
      record_id uuid NOT NULL,
      version integer NOT NULL,
      action varchar(16) NOT NULL,
      changes jsonb NOT NULL,
      actor uuid,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX record_history_record_idx ON core.record_history (object, record_id, version)`);
    await q.query(`CREATE TABLE core.outbox (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
      type varchar(40) NOT NULL,
      object varchar(63),
      record_id uuid,
      payload jsonb NOT NULL DEFAULT '{}',
      actor uuid,
      depth smallint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz
    )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON core.outbox (id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE TABLE core.idempotency_key (
      user_id uuid NOT NULL,
      key varchar(200) NOT NULL,
      object varchar(63) NOT NULL,
      status smallint NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`);
    await q.query(`CREATE TABLE core.stage_history (
      id bigserial PRIMARY KEY,
      object varchar(63) NOT NULL,
      record_id uuid NOT NULL,
      pipeline varchar(63) NOT NULL,
      from_stage varchar(63),
      to_stage varchar(63) NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      by uuid,
      seconds_in_previous bigint
    )`);
    await q.query(`CREATE INDEX stage_history_record_idx ON core.stage_history (object, record_id, at)`);
    await q.query(`CREATE INDEX stage_history_pipeline_idx ON core.stage_history (pipeline, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.stage_history, core.idempotency_key, core.outbox, core.record_history`);
  }
}
