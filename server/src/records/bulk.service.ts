import { Injectable, Logger, Optional } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest, invalid, ProblemError, type ProblemItem } from '../common/problem.js';
import { Db, type Tx } from '../database/db.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { HookBatch } from '../plugins/hook-batch.js';
import { RecordHooks } from '../plugins/record-hooks.service.js';
import { compileCount, compileWhere, parseFilter, quoteQualified } from '../query/index.js';
import { applyTagEdits, tagEditProblems } from './lib/apply-tag-edits.js';
import { inSavepoint } from './lib/in-savepoint.js';
import { MAX_BULK_ROWS, parseBulkRequest, type BulkRequest } from './lib/parse-bulk-request.js';
import { rowProblems } from './lib/row-problems.js';
import { ReadScope } from './read-scope.service.js';
import { lockRow, RecordWriter } from './record-writer.service.js';
import { RecordsService } from './records.service.js';
import { WriteValidation } from './write-validation.service.js';

export interface RowErrors {
  index: number;
  /** The matched record, for update and delete. */
  id?: string;
  /** What the row alone would have been answered with: 422 invalid, 403 not allowed, 409 unique, 423 locked. */
  status: number;
  errors: ProblemItem[];
}

export interface BulkResult {
  matched: number;
  changed: number;
  errors: RowErrors[];
}

/** Thrown to roll a dry run back once everything ran; carries what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly result: BulkResult) {
    super('dry run');
  }
}

/**
 * `POST /api/records/{object}/bulk`: every row validated by the one validator and written by
 * RecordWriter (history + outbox per row) after the same permission checks as a single write, in ONE
 * transaction, each row under a savepoint so all errors are reported. All-or-nothing: any error → 422 and nothing written; `partial`: good rows
 * commit. Update/delete select the matching ids under the reader's scope and lock them first.
 * Plugin hooks run per row like a single write: `before*` inside the row's savepoint (a plugin's
 * problem becomes the row's error), `after*` once the transaction committed (never for a dry run).
 * An update may carry `addTags` / `removeTags` (`{ "<tags field>": ["vip"] }`) besides or instead of
 * `set`: each record's tags are merged with them (lib/apply-tag-edits.ts); a record already tagged so is
 * matched but not changed; the tags fields named need write permission on every row.
 */
@Injectable()
export class BulkService {
  private readonly logger = new Logger('records');

  constructor(
    private readonly db: Db, private readonly records: RecordsService, private readonly writer: RecordWriter,
    private readonly validation: WriteValidation, private readonly scopes: ReadScope, private readonly permissions: PermissionsService,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  async run(user: CurrentUser, object: string, body: unknown, dryRun: boolean): Promise<BulkResult> {
    const obj = this.records.objectOrThrow(object);
    const request = parseBulkRequest(body);
    this.permissions.objectDecisionOrThrow(user, object, request.kind); // the whole request is refused when no role grants the action
    const hooks = new HookBatch(this.hooks, user);
    try {
      const result = await this.db.tx(async (tx) => {
        const result = request.kind === 'create' ? await this.create(tx, user, obj, request.rows, hooks) : await this.byFilter(tx, user, obj, request, hooks);
        if (result.errors.length && !request.partial) throw bulkFailed(request.kind, result);
        if (dryRun) throw new DryRunRollback(result);
        return result;
      });
      if (hooks.size) void hooks.flush((o, id) => this.records.get(user, o, id)).catch((e: unknown) => this.logger.warn({ msg: 'bulk after-hooks failed', err: String(e) }));
      return result;
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result;
      throw e;
    }
  }

  private async create(tx: Tx, user: CurrentUser, obj: ObjectDef, rows: Record<string, unknown>[], hooks: HookBatch): Promise<BulkResult> {
    const result: BulkResult = { matched: rows.length, changed: 0, errors: [] };
    const { ctx } = await this.scopes.of(user, obj.name);
    for (const [index, row] of rows.entries()) {
      await this.row(tx, result, { index }, async () => {
        this.permissions.assertCanCreate(user, obj.name, row);
        let checked = this.validation.check(user, obj.name, 'create', row);
        if (!checked.ok) throw new ProblemError('validation', undefined, { errors: checked.errors });
        const patch = await hooks.beforeCreate(obj.name, checked.values);
        if (patch) checked = this.validation.check(user, obj.name, 'create', { ...row, ...patch });
        if (!checked.ok) throw new ProblemError('validation', undefined, { errors: checked.errors });
        const id = await this.writer.insert(tx, obj, checked.values, user);
        await this.permissions.assertRowInScope(tx, user, ctx, obj.name, id, 'create');
        hooks.created(obj.name, id);
        return true;
      });
    }
    return result;
  }

  private async byFilter(tx: Tx, user: CurrentUser, obj: ObjectDef, request: Exclude<BulkRequest, { kind: 'create' }>, hooks: HookBatch): Promise<BulkResult> {
    const tagProblems = request.kind === 'update' ? tagEditProblems(obj, request.tags, '/update') : [];
    if (tagProblems.length) throw invalid(tagProblems);
    const ids = await this.lockMatching(tx, user, obj, request.filter, `/${request.kind}/filter`);
    const result: BulkResult = { matched: ids.length, changed: 0, errors: [] };
    const { ctx } = await this.scopes.of(user, obj.name);
    for (const [index, id] of ids.entries()) {
      await this.row(tx, result, { index, id }, async () => {
        await this.permissions.assertRowInScope(tx, user, ctx, obj.name, id, request.kind);
        if (request.kind === 'delete') {
          const record = hooks.watchesDelete(obj.name) ? await lockRow(tx, obj, id) : null;
          if (record) await hooks.beforeDelete(obj.name, record);
          await this.writer.softDelete(tx, obj, id, user);
          if (record) hooks.deleted(obj.name, record);
          return true;
        }
        const before = await lockRow(tx, obj, id);
        if (!before) return false;
        const tags = applyTagEdits(before, request.tags);
        // the tags fields named are checked for write permission on every row, changed or not
        const named = Object.fromEntries([...Object.keys(request.tags.addTags ?? {}), ...Object.keys(request.tags.removeTags ?? {})].map((f) => [f, tags[f] ?? before[f] ?? []]));
        this.permissions.assertCanUpdate(user, obj.name, { ...request.set, ...named }, before);
        const values = { ...request.set, ...tags };
        if (!Object.keys(values).length) return false;
        const patch = await hooks.beforeUpdate(obj.name, before, values);
        const checked = this.validation.check(user, obj.name, 'update', patch ? { ...values, ...patch } : values, before);
        if (!checked.ok) throw new ProblemError('validation', undefined, { errors: checked.errors });
        const { changes } = await this.writer.update(tx, obj, id, checked.values, user, { before });
        hooks.updated(obj, id, before, changes);
        return Object.keys(changes).length > 0;
      });
    }
    return result;
  }

  /** One row under a savepoint: counted when it changed something, reported when it failed. */
  private async row(tx: Tx, result: BulkResult, at: { index: number; id?: string }, write: () => Promise<boolean>): Promise<void> {
    try {
      if (await inSavepoint(tx, write)) result.changed++;
    } catch (e) {
      const problems = rowProblems(e);
      if (!problems) throw e;
      result.errors.push({ ...at, ...problems });
    }
  }

  /**
   * The ids the filter matches under the caller's read scope (the same checks as a list: hidden
   * fields 403, unknown 422), locked FOR UPDATE in id order so concurrent bulk writes cannot deadlock.
   */
  private async lockMatching(tx: Tx, user: CurrentUser, obj: ObjectDef, rawFilter: unknown, path: string): Promise<string[]> {
    const read = await this.scopes.of(user, obj.name);
    const filter = parseFilter(rawFilter, { object: obj.name, set: read.set, path, status: 422 });
    const count = compileCount({ ...read, filter });
    const [{ total }] = await tx.query<{ total: number }>(count.sql, count.params);
    if (total > MAX_BULK_ROWS) throw tooMany(path, total);
    const where = compileWhere({ object: obj.name, set: read.set, ctx: read.ctx, access: read, scope: read.scope, filter });
    const id = quoteQualified('t0', 'id');
    const rows = await tx.query<{ id: string }>(
      `SELECT ${id} AS "id" FROM ${where.from} WHERE ${where.where} ORDER BY ${id} LIMIT ${MAX_BULK_ROWS + 1} FOR UPDATE OF "t0"`, where.params);
    if (rows.length > MAX_BULK_ROWS) throw tooMany(path, rows.length);
    return rows.map((r) => r.id);
  }
}

function tooMany(path: string, n: number): ProblemError {
  return badRequest(`The filter matches ${n} records; a bulk request changes at most ${MAX_BULK_ROWS}`, [{ path, message: `matches more than ${MAX_BULK_ROWS} records` }]);
}

function bulkFailed(kind: BulkRequest['kind'], result: BulkResult): ProblemError {
  const failed = result.errors.length;
  const errors = result.errors.flatMap((r) => r.errors.map((e) => ({ path: `/${kind}/${r.index}${e.path}`, message: e.message })));
  return new ProblemError('validation', `${failed} of ${result.matched} rows failed; nothing was written`, { errors, matched: result.matched, changed: 0, rows: result.errors });
}
