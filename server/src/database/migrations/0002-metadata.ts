import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Metadata revisions (effective document + the admin layer it came from) and deferred index builds. */
export class Metadata1764489600002 implements MigrationInterface {
  name = 'Metadata1764489600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.metadata_revision (
      number integer PRIMARY KEY,
      hash char(64) NOT NULL,
      document jsonb NOT NULL,
      admin_layer jsonb NOT NULL,
      base_hash char(64) NOT NULL,
      plan jsonb NOT NULL DEFAULT '[]',
      message text,
      author uuid REFERENCES core."user"(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE core.index_build (
      id bigserial PRIMARY KEY,
      revision integer NOT NULL REFERENCES core.metadata_revision(number),
      statement text NOT NULL,
      state varchar(16) NOT NULL DEFAULT 'pending',
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.index_build, core.metadata_revision`);
  }
}
