import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metadata documents as `json`, not `jsonb`: jsonb keeps an object's keys sorted by length, so after a
 * restart an object's fields (and the objects themselves) came back in another order than the admin
 * defined — and with them the default list columns and form fields. `json` keeps the text as written.
 * Revisions stored before this keep the order jsonb gave them; the next publish stores the admin's.
 */
export class MetadataKeyOrder1764489600010 implements MigrationInterface {
  name = 'MetadataKeyOrder1764489600010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.metadata_revision
      ALTER COLUMN document TYPE json USING document::json,
      ALTER COLUMN admin_layer TYPE json USING admin_layer::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE core.metadata_revision
      ALTER COLUMN document TYPE jsonb USING document::jsonb,
      ALTER COLUMN admin_layer TYPE jsonb USING admin_layer::jsonb`);
  }
}
