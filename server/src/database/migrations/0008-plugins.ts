import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Plugin lifecycle state (DESIGN.md §6): one row per plugin ever installed, with the metadata layer it installed. */
export class Plugins1764489600008 implements MigrationInterface {
  name = 'Plugins1764489600008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.plugin (
      name varchar(63) PRIMARY KEY,
      version varchar(100) NOT NULL,
      state varchar(16) NOT NULL CHECK (state IN ('available', 'installed', 'enabled', 'disabled', 'failed')),
      error text,
      installed_at timestamptz,
      config jsonb NOT NULL DEFAULT '{}',
      layer jsonb,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.plugin`);
  }
}
