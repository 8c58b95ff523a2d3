import { Injectable, Logger, Optional } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../../auth/current-user.js';
import { invalid, notFound } from '../../common/problem.js';
import { automationsFiredBy } from '../../automation/outbox/match-trigger.js';
import { Db, type Tx } from '../../database/db.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { HookBatch } from '../../plugins/hook-batch.js';
import { RecordHooks } from '../../plugins/record-hooks.service.js';
import { PermissionsService } from '../../permissions/permissions.service.js';
import type { QueryContext } from '../../query/index.js';
import { inSavepoint } from '../../records/lib/in-savepoint.js';
import { rowProblems } from '../../records/lib/row-problems.js';
import { lockRow, RecordWriter } from '../../records/record-writer.service.js';
import { RecordsService } from '../../records/records.service.js';
import { WriteValidation } from '../../records/write-validation.service.js';
import type { BatchProgress, RowError } from './import-store.js';
import { hooksWrites } from './lib/hooks-writes.js';
import { canInsertMany, insertMany } from './multi-row-insert.js';

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
 * the batch is then redone with a savepoint per row and only that row fails. Creates of objects with
 * no stage field or manyToMany links go in as one multi-row insert (multi-row-insert.ts) after the
 * same per-row checks. `save` runs in the
 * same transaction (the import's bookkeeping); a dry run rolls everything back.
 * When an enabled plugin hooks the object's creates or updates, every row goes through RecordWriter
 * under its own savepoint (so `before*` hooks run once per row): `beforeCreate`/`beforeUpdate` before
 * the row's write (a patch is validated again; a plugin's problem is the row's error), and the
 * `after*` hooks once the batch committed — never for a dry run (HookBatch, depth 0: a person's write).
 */
@Injectable()
export class ImportBatchWriter {
  private readonly logger = new Logger('import');

  constructor(
    private readonly db: Db, private readonly validation: WriteValidation, private readonly writer: RecordWriter,
    private readonly permissions: PermissionsService, private readonly registry: MetadataRegistry, private readonly records: RecordsService,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  async write(user: CurrentUser, ctx: QueryContext, obj: ObjectDef, rows: PlannedRow[], dryRun: boolean, save: (tx: Tx, outcome: WrittenBatch) => Promise<void>): Promise<WrittenBatch> {
    const hooked = hooksWrites(this.hooks, obj.name, rows.map((r) => r.action));
    if (!hooked) {
      try {
        return await this.attempt(user, ctx, obj, rows, false, dryRun, save);
      } catch (e) {
        if (e instanceof DryRunRollback) return e.outcome;
        if (!(e instanceof NeedsSavepoints)) throw e;
      }
    }
    const hooks = hooked ? new HookBatch(this.hooks, user) : undefined;
    try {
      const outcome = await this.attempt(user, ctx, obj, rows, true, dryRun, save, hooks);
      if (hooks?.size) void hooks.flush((o, id) => this.records.get(user, o, id)).catch((e: unknown) => this.logger.warn({ msg: 'import after-hooks failed', err: String(e) }));
      return outcome;
    } catch (e) {
      if (e instanceof DryRunRollback) return e.outcome;
      throw e;
    }
  }

  private attempt(user: CurrentUser, ctx: QueryContext, obj: ObjectDef, rows: PlannedRow[], savepoints: boolean, dryRun: boolean, save: (tx: Tx, o: WrittenBatch) => Promise<void>, hooks?: HookBatch): Promise<WrittenBatch> {
    const many = !savepoints && canInsertMany(obj, this.createScopeIsAll(user, obj.name));
    return this.db.tx(async (tx) => {
      // a crash may lose the last batches' commits, never part of one: the bookkeeping goes with them, so
      // the job resumes there; the import's final (synchronous) commit flushes them before it reports done
      await tx.query('SET LOCAL synchronous_commit = off');
      const outcome: WrittenBatch = { created: 0, updated: 0, unchanged: 0, errors: [], rows: [] };
      const creates: { row: number; values: Record<string, unknown> }[] = [];
      for (const r of rows) {
        try {
          if (many && r.action === 'create') {
            creates.push({ row: r.row, values: this.checkCreate(user, obj.name, r.values) });
            continue;
          }
          const entry = savepoints ? await inSavepoint(tx, () => this.one(tx, user, ctx, obj, r, hooks)) : await this.one(tx, user, ctx, obj, r);
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
      if (creates.length) {
        const dispatched = automationsFiredBy({ type: 'record.created', object: obj.name, payload: {} }, this.registry.current().set).length === 0;
        const ids = await insertMany(tx, obj, creates.map((c) => c.values), user.id, { dispatched }).catch((e: unknown) => {
          throw rowProblems(e) ? new NeedsSavepoints() : e;
        });
        creates.forEach((c, i) => outcome.rows.push({ row: c.row, id: ids[i]!, action: 'created', version: 1 }));
        outcome.created += creates.length;
      }
      await save(tx, outcome);
      if (dryRun) throw new DryRunRollback(outcome);
      return outcome;
    });
  }

  /** A create's checks that need no database: field-write permissions and the one validator. */
  private checkCreate(user: CurrentUser, object: string, values: Record<string, unknown>): Record<string, unknown> {
    this.permissions.assertCanCreate(user, object, values);
    return this.validate(user, object, 'create', values);
  }

  /** A create scope of every record: a new row is in it by definition, no query needed. */
  private createScopeIsAll(user: CurrentUser, object: string): boolean {
    return this.permissions.decision(user, object)?.actions.create.scope === undefined;
  }

  private async one(tx: Tx, user: CurrentUser, ctx: QueryContext, obj: ObjectDef, r: PlannedRow, hooks?: HookBatch): Promise<BatchProgress['rows'][number] | null> {
    if (r.action === 'create') {
      let values = this.checkCreate(user, obj.name, r.values);
      const patch = await hooks?.beforeCreate(obj.name, values);
      if (patch) values = this.validate(user, obj.name, 'create', { ...r.values, ...patch });
      const id = await this.writer.insert(tx, obj, values, user);
      if (!this.createScopeIsAll(user, obj.name)) await this.permissions.assertRowInScope(tx, user, ctx, obj.name, id, 'create');
      hooks?.created(obj.name, id);
      return { row: r.row, id, action: 'created', version: 1 };
    }
    const before = await lockRow(tx, obj, r.id!);
    if (!before) throw notFound(`No ${obj.name} ${r.id}`);
    await this.permissions.assertRowInScope(tx, user, ctx, obj.name, r.id!, 'update');
    this.permissions.assertCanUpdate(user, obj.name, r.values, before);
    const patch = await hooks?.beforeUpdate(obj.name, before, r.values);
    const values = this.validate(user, obj.name, 'update', patch ? { ...r.values, ...patch } : r.values, before);
    const { changes, version } = await this.writer.update(tx, obj, r.id!, values, user, { before });
    hooks?.updated(obj, r.id!, before, changes);
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
