import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '../../database/db.js';
import type { ImportOptions } from './lib/parse-import-options.js';
import type { FileType } from './lib/read-table.js';

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed' | 'reverting' | 'reverted';

export interface RowError {
  row: number;
  errors: { path: string; message: string }[];
}

export interface DuplicateHit {
  row: number;
  /** The existing record, or the earlier row of the same file. */
  record?: string;
  sameAsRow?: number;
  match: string[];
}

export interface ImportBatch {
  jobId: string;
  object: string;
  owner: string;
  fileName: string | null;
  fileType: FileType;
  file: Buffer | null;
  options: ImportOptions;
  status: BatchStatus;
  total: number | null;
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  duplicates: DuplicateHit[];
  revertJob: string | null;
  createdAt: string;
  finishedAt: string | null;
  revertedAt: string | null;
}

/** What one committed batch of rows adds to the import's bookkeeping. */
export interface BatchProgress {
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  duplicates: DuplicateHit[];
  rows: { row: number; id: string; action: 'created' | 'updated'; previous?: Record<string, unknown>; version: number }[];
}

/** Errors and duplicate hits kept per import (the counts stay exact beyond them). */
export const MAX_REPORTED = 1000;

const COLUMNS = `job_id AS "jobId", object, owner, file_name AS "fileName", file_type AS "fileType", options, status, total, rows_done AS "rowsDone",
  created, updated, skipped, errors, duplicates, revert_job AS "revertJob", created_at AS "createdAt", finished_at AS "finishedAt", reverted_at AS "revertedAt"`;

/** core.import_batch and core.import_row: the imports' state, written in the transactions of their rows. */
@Injectable()
export class ImportStore {
  constructor(private readonly db: Db) {}

  async create(b: { jobId: string; object: string; owner: string; fileName: string | null; fileType: FileType; file: Buffer; options: ImportOptions }): Promise<void> {
    await this.db.query(`INSERT INTO core.import_batch (job_id, object, owner, file_name, file_type, file, options) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [b.jobId, b.object, b.owner, b.fileName, b.fileType, b.file, JSON.stringify(b.options)]);
  }

  async load(jobId: string, withFile = false): Promise<ImportBatch | null> {
    const [row] = await this.db.query<ImportBatch>(`SELECT ${COLUMNS}${withFile ? ', file' : ', NULL::bytea AS file'} FROM core.import_batch WHERE job_id = $1`, [jobId]);
    return row ?? null;
  }

  async start(jobId: string, total: number): Promise<void> {
    await this.db.query(`UPDATE core.import_batch SET status = 'running', total = $2 WHERE job_id = $1 AND status IN ('queued', 'running', 'failed')`, [jobId, total]);
  }

  /** Inside the batch's transaction, so a retried job resumes after the last committed row. */
  async saveProgress(tx: Tx, jobId: string, p: BatchProgress): Promise<void> {
    await tx.query(`WITH written AS (INSERT INTO core.import_row (job_id, row_number, record_id, action, previous, version)
        SELECT $1, x.row, x.id, x.action, x.previous, x.version FROM json_to_recordset($8::json) AS x(row int, id uuid, action text, previous jsonb, version int))
      UPDATE core.import_batch SET rows_done = $2, created = created + $3, updated = updated + $4, skipped = skipped + $5,
        errors = CASE WHEN jsonb_array_length(errors) < ${MAX_REPORTED} THEN errors || $6::jsonb ELSE errors END,
        duplicates = CASE WHEN jsonb_array_length(duplicates) < ${MAX_REPORTED} THEN duplicates || $7::jsonb ELSE duplicates END
      WHERE job_id = $1`, [jobId, p.rowsDone, p.created, p.updated, p.skipped, JSON.stringify(p.errors), JSON.stringify(p.duplicates), JSON.stringify(p.rows)]);
  }

  /** Done: the file is dropped, the result stays. Failed: the file stays for a retry of the job. */
  async finish(jobId: string, status: 'done' | 'failed'): Promise<void> {
    await this.db.query(`UPDATE core.import_batch SET status = $2::text, finished_at = now(), file = CASE WHEN $2::text = 'done' THEN NULL ELSE file END WHERE job_id = $1`, [jobId, status]);
  }

  async remove(jobId: string): Promise<void> {
    await this.db.query(`DELETE FROM core.import_batch WHERE job_id = $1`, [jobId]);
  }

  /** Claims the revert: only a finished (or failed, partly written) import; a revert under way answers with its job. */
  async claimRevert(jobId: string, revertJob: string): Promise<boolean> {
    const rows = await this.db.query(`UPDATE core.import_batch SET status = 'reverting', revert_job = $2 WHERE job_id = $1 AND status IN ('done', 'failed', 'reverting') RETURNING 1`, [jobId, revertJob]);
    return rows.length > 0;
  }

  async rowsToRevert(jobId: string, beforeRow: number, limit: number) {
    return this.db.query<{ row: number; id: string; action: 'created' | 'updated'; previous: Record<string, unknown> | null; version: number }>(
      `SELECT row_number AS row, record_id AS id, action, previous, version FROM core.import_row
       WHERE job_id = $1 AND row_number < $2 AND reverted_at IS NULL ORDER BY row_number DESC LIMIT $3`, [jobId, beforeRow, limit]);
  }

  async markReverted(tx: Tx, jobId: string, rows: number[]): Promise<void> {
    if (rows.length) await tx.query(`UPDATE core.import_row SET reverted_at = now() WHERE job_id = $1 AND row_number = ANY($2::int[])`, [jobId, rows]);
  }

  async reverted(jobId: string): Promise<void> {
    await this.db.query(`UPDATE core.import_batch SET status = 'reverted', reverted_at = now() WHERE job_id = $1`, [jobId]);
  }
}
