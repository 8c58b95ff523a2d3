import { Injectable } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../../auth/current-user.js';
import { invalid, notFound } from '../../common/problem.js';
import { Db, type Tx } from '../../database/db.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import type { QueryContext } from '../../query/index.js';
import { inSavepoint } from '../../records/lib/in-savepoint.js';
import { rowProblems } from '../../records/lib/row-problems.js';
import { lockRow, RecordWriter } from '../../records/record-writer.service.js';
import { WriteValidation } from '../../records/write-validation.service.js';
import type { BatchProgress, RowError } from './import-store.js';

export interface PlannedRow {
  row: number;
  action: 'create' | 'update';
  /** The record to update. */
  id?: string;
  values: Record<string, unknown>;
}

export interface WrittenBatch {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  rows: BatchProgress['rows'];
}

class NeedsSavepoints extends Error {}
class DryRunRollback extends Error {
  constructor(readonly outcome: WrittenBatch) {
    super('dry run');
  }
}

/**
 * One batch of rows in ONE transaction, each row the way a single POST or PATCH would be written
 * (SECURITY.md 2): the permission checks, the one validator, RecordWriter (history, outbox, stage
 * rules, approval locks). A row the database refuses (a unique value) aborts the transaction, so
 * the batch is then redone with a savepoint per row and only that row fails. `save` runs in the
 * same transaction (the import's bookkeeping); a dry run rolls everything back.
 */
@Injectable()
export class ImportBatchWriter {
  constructor(private readonly db: Db, private readonly validation: WriteValidation, private readonly writer: RecordWriter, private readonly permissions: PermissionsService) {}

  async write(user: CurrentUser, ctx: QueryContext, obj: ObjectDef, rows: PlannedRow[], dryRun: boolean, save: (tx: Tx, outcome: WrittenBatch) => Promise<void>): Promise<WrittenBatch> {
    try {
      return await this.attempt(user, ctx, obj, rows, false, dryRun, save);
    } catch (e) {
      if (e instanceof DryRunRollback) return e.outcome;
      if (!(e instanceof NeedsSavepoints)) throw e;
    }
    try {
      return await this.attempt(user, ctx, obj, rows, true, dryRun, save);
    } catch (e) {
      if (e instanceof DryRunRollback) return e.outcome;
      throw e;
    }
  }

  private attempt(user: CurrentUser, ctx: QueryContext, obj: ObjectDef, rows: PlannedRow[], savepoints: boolean, dryRun: boolean, save: (tx: Tx, o: WrittenBatch) => Promise<void>): Promise<WrittenBatch> {
    return this.db.tx(async (tx) => {
      const outcome: WrittenBatch = { created: 0, updated: 0, unchanged: 0, errors: [], rows: [] };
      for (const r of rows) {
        try {
          const entry = savepoints ? await inSavepoint(tx, () => this.one(tx, user, ctx, obj, r)) : await this.one(tx, user, ctx, obj, r);
          if (entry) {
            outcome.rows.push(entry);
            outcome[entry.action]++;
          } else outcome.unchanged++;
        } catch (e) {
          const problem = rowProblems(e);
          if (!problem) throw e;
          if (!savepoints && !(await alive(tx))) throw new NeedsSavepoints();
          outcome.errors.push({ row: r.row, errors: problem.errors });
        }
      }
      await save(tx, outcome);
      if (dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  }

  private async one(tx: Tx, user: CurrentUser, ctx: QueryContext, obj: ObjectDef, r: PlannedRow): Promise<BatchProgress['rows'][number] | null> {
    if (r.action === 'create') {
      this.permissions.assertCanCreate(user, obj.name, r.values);
      const id = await this.writer.insert(tx, obj, this.validate(user, obj.name, 'create', r.values), user);
      await this.permissions.assertRowInScope(tx, user, ctx, obj.name, id, 'create');
      return { row: r.row, id, action: 'created', version: 1 };
    }
    const before = await lockRow(tx, obj, r.id!);
    if (!before) throw notFound(`No ${obj.name} ${r.id}`);
    await this.permissions.assertRowInScope(tx, user, ctx, obj.name, r.id!, 'update');
    this.permissions.assertCanUpdate(user, obj.name, r.values, before);
    const values = this.validate(user, obj.name, 'update', r.values, before);
    const { changes, version } = await this.writer.update(tx, obj, r.id!, values, user, { before });
    if (!Object.keys(changes).length) return null;
    return { row: r.row, id: r.id!, action: 'updated', version, previous: Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.from])) };
  }

  /** The one validator, with the same options as every records write (WriteValidation). */
  private validate(user: CurrentUser, object: string, mode: 'create' | 'update', body: Record<string, unknown>, existing?: Record<string, unknown>): Record<string, unknown> {
    const result = this.validation.check(user, object, mode, body, existing);
    if (!result.ok) throw invalid(result.errors);
    return result.values;
  }
}

/** After a failed statement PostgreSQL refuses everything until the transaction ends. */
async function alive(tx: Tx): Promise<boolean> {
  try {
    await tx.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
