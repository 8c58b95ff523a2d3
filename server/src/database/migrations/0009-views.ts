import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved list views (views/README.md): a user's filter, sort and columns for one object, optionally shared. */
export class Views1764489600009 implements MigrationInterface {
  name = 'Views1764489600009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.saved_view (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES core."user"(id) ON DELETE CASCADE,
      object varchar(63) NOT NULL,
      name varchar(100) NOT NULL,
      filter jsonb,
      sort varchar(1000),
      columns jsonb,
      shared boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX saved_view_owner_name ON core.saved_view (owner_id, object, lower(name))`);
    await q.query(`CREATE INDEX saved_view_object_shared ON core.saved_view (object) WHERE shared`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.saved_view`);
  }
}
