import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports (API.md "Import and export"): one batch per import job — the uploaded file until it is
 * processed, the options, progress that survives a retry, the result — and one row per record it
 * created or updated, with the values it overwrote, so a revert can undo exactly that import.
 */
export class Imports1764489600007 implements MigrationInterface {
  name = 'Imports1764489600007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.import_batch (
      job_id varchar(200) PRIMARY KEY,
      object varchar(63) NOT NULL,
      owner uuid NOT NULL REFERENCES core."user"(id),
      file_name varchar(255),
      file_type varchar(8) NOT NULL CHECK (file_type IN ('csv', 'xlsx')),
      file bytea,
      options jsonb NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'reverting', 'reverted')),
      total integer,
      rows_done integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      duplicates jsonb NOT NULL DEFAULT '[]',
      revert_job varchar(200),
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      reverted_at timestamptz
    )`);
    await q.query(`CREATE INDEX import_batch_owner_idx ON core.import_batch (owner, created_at DESC)`);
    await q.query(`CREATE TABLE core.import_row (
      job_id varchar(200) NOT NULL REFERENCES core.import_batch(job_id) ON DELETE CASCADE,
      row_number integer NOT NULL,
      record_id uuid NOT NULL,
      action varchar(8) NOT NULL CHECK (action IN ('created', 'updated')),
      previous jsonb,
      version integer NOT NULL,
      reverted_at timestamptz,
      PRIMARY KEY (job_id, row_number)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.import_row, core.import_batch`);
  }
}
