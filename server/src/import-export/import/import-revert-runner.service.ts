import { Injectable, Logger, Optional } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../../auth/current-user.js';
import { invalid } from '../../common/problem.js';
import { Db, type Tx } from '../../database/db.js';
import { PermanentJobError } from '../../jobs/job-queue.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import { HookBatch } from '../../plugins/hook-batch.js';
import { RecordHooks } from '../../plugins/record-hooks.service.js';
import type { QueryContext } from '../../query/index.js';
import { inSavepoint } from '../../records/lib/in-savepoint.js';
import { rowProblems } from '../../records/lib/row-problems.js';
import { ReadContextService } from '../../records/read-context.service.js';
import { lockRow, RecordWriter } from '../../records/record-writer.service.js';
import { RecordsService } from '../../records/records.service.js';
import { WriteValidation } from '../../records/write-validation.service.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { ImportStore } from './import-store.js';
import { loadJobUser } from './lib/load-job-user.js';

export const REVERT_JOB = 'import.revert';
const CHUNK = 500;

export interface RevertResult {
  deleted: number;
  restored: number;
  /** Rows left as they are: the record changed after the import, or the write was refused. */
  conflicts: { row: number; id: string; reason: string }[];
}

type ImportedRow = Awaited<ReturnType<ImportStore['rowsToRevert']>>[number];

/**
 * `POST /api/imports/{job}/revert` as a job: newest row first, 500 per transaction, every write
 * through RecordWriter by the reverting user with the usual checks — a record the import created is
 * soft-deleted, a record it updated gets the overwritten values back. A record changed since the
 * import (its version moved on) is left alone and reported; nothing else is touched.
 * Plugin hooks run as for a bulk delete or update: `beforeDelete`/`beforeUpdate` per row (a refusal
 * leaves the row and lists it in `conflicts`), `afterDelete`/`afterUpdate` once the chunk committed.
 */
@Injectable()
export class ImportRevertRunner {
  private readonly logger = new Logger('import');

  constructor(
    private readonly validation: WriteValidation,
    private readonly db: Db, private readonly store: ImportStore, private readonly registry: MetadataRegistry, private readonly writer: RecordWriter,
    private readonly permissions: PermissionsService, private readonly contexts: ReadContextService, private readonly records: RecordsService,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  async run(data: { batch: string; by: string }, job: JobContext): Promise<RevertResult> {
    const batch = await this.store.load(data.batch);
    if (!batch || (batch.status !== 'reverting' && batch.status !== 'reverted')) throw new PermanentJobError(`import ${data.batch} is not being reverted`);
    const user = await loadJobUser(this.db, data.by);
    if (!user) throw new PermanentJobError('the user who asked for the revert is no longer active');
    const obj = this.registry.current().set.objects[batch.object];
    if (!obj) throw new PermanentJobError(`object ${batch.object} no longer exists`);
    const ctx = await this.contexts.forUser(user);
    const result: RevertResult = { deleted: 0, restored: 0, conflicts: [] };
    const total = batch.created + batch.updated;
    let before = 2 ** 31 - 1;
    for (;;) {
      const rows = await this.store.rowsToRevert(data.batch, before, CHUNK);
      if (!rows.length) break;
      const hooks = new HookBatch(this.hooks, user);
      await this.db.tx(async (tx) => {
        const done: number[] = [];
        for (const r of rows) {
          try {
            const outcome = await inSavepoint(tx, () => this.one(tx, user, ctx, obj, r, hooks));
            if (outcome === 'conflict') result.conflicts.push({ row: r.row, id: r.id, reason: 'changed since the import' });
            else {
              if (outcome) result[outcome]++;
              done.push(r.row);
            }
          } catch (e) {
            const problem = rowProblems(e);
            if (!problem) throw e;
            result.conflicts.push({ row: r.row, id: r.id, reason: problem.errors.map((x) => `${x.path} ${x.message}`.trim()).join('; ') });
          }
        }
        await this.store.markReverted(tx, data.batch, done);
      });
      if (hooks.size) void hooks.flush((o, id) => this.records.get(user, o, id)).catch((e: unknown) => this.logger.warn({ msg: 'revert after-hooks failed', err: String(e) }));
      before = rows[rows.length - 1]!.row;
      await job.progress(result.deleted + result.restored + result.conflicts.length, total);
    }
    await this.store.reverted(data.batch);
    return result;
  }

  private async one(tx: Tx, user: CurrentUser, ctx: QueryContext, obj: ObjectDef, r: ImportedRow, hooks: HookBatch): Promise<'deleted' | 'restored' | 'conflict' | null> {
    const current = await lockRow(tx, obj, r.id);
    if (!current) return null; // already deleted by someone: nothing left to undo
    if (current.version !== r.version) return 'conflict';
    if (r.action === 'created') {
      await this.permissions.assertRowInScope(tx, user, ctx, obj.name, r.id, 'delete');
      await hooks.beforeDelete(obj.name, current);
      await this.writer.softDelete(tx, obj, r.id, user);
      hooks.deleted(obj.name, current);
      return 'deleted';
    }
    await this.permissions.assertRowInScope(tx, user, ctx, obj.name, r.id, 'update');
    const previous = r.previous ?? {};
    this.permissions.assertCanUpdate(user, obj.name, previous, current);
    const patch = await hooks.beforeUpdate(obj.name, current, previous);
    const checked = this.validation.check(user, obj.name, 'update', patch ? { ...previous, ...patch } : previous, current);
    if (!checked.ok) throw invalid(checked.errors);
    const { changes } = await this.writer.update(tx, obj, r.id, checked.values, user, { before: current });
    hooks.updated(obj, r.id, current, changes);
    return 'restored';
  }
}
