import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's `event_id` loses its UNIQUE index. Nothing looks an event up by it (the dispatcher reads
 * by `id`; automation runs and notifications are unique per automation and event in their own tables),
 * and its values are `gen_random_uuid()`s (122 random bits: a collision among 10^12 events has odds
 * of about 10^-13). The index was pure cost on the hot path: every record write inserted its random
 * key at a random leaf of an ever-growing btree, touching a page no other write had, and after each
 * checkpoint writing that page whole to the WAL. Without it a create is 10-25% faster for the API and
 * for bench/records.mjs's floor alike (same run, same tables).
 */
export class OutboxEventIdIndex1764489600011 implements MigrationInterface {
  name = 'OutboxEventIdIndex1764489600011';

  async up(q: QueryRunner): Promise<void> {
    // a writer holding the outbox makes this wait, not every writer queue behind it (STACK.md)
    await q.query(`SET LOCAL lock_timeout = '10s'`);
    await q.query(`ALTER TABLE core.outbox DROP CONSTRAINT IF EXISTS outbox_event_id_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.outbox ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id)`);
  }
}
