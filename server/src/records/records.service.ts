import { Injectable, Optional } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { Db, type Tx } from '../database/db.js';
import { invalid, notFound, ProblemError } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { isUuid } from '../users/users.service.js';
import { RecordHooks } from '../plugins/record-hooks.service.js';
import { stageChanges, valuesOf } from '../plugins/hook-events.js';
import { ReadContextService } from './read-context.service.js';
import { lockRow, RecordWriter } from './record-writer.service.js';
import { RecordReader } from './record-reader.service.js';
import { WriteValidation } from './write-validation.service.js';
import { oneStatementUpdatable } from './lib/one-statement-update.js';
import { compileWhere } from '../query/index.js';
import { isNever } from '../permissions/permission-types.js';
import type { ReadBack } from './lib/read-back.js';
import { WrittenRecord } from './lib/written-record.js';

export type ApiRecord = Record<string, unknown> & { id: string; version: number };

/**
 * Orchestrates the records API: permission checks → validate → one transaction (row, history, outbox)
 * → read back through the one read plan. Rows are checked against the action's scope inside the
 * transaction, on the locked row (update/delete/restore) or the inserted one (create).
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly writer: RecordWriter, private readonly reader: RecordReader,
    private readonly permissions: PermissionsService, private readonly contexts: ReadContextService, private readonly validation: WriteValidation,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  objectOrThrow(name: string): ObjectDef {
    const set = this.registry.current().set;
    const obj = Object.hasOwn(set.objects, name) ? set.objects[name] : undefined;
    if (!obj || obj.archived) throw notFound(`No object ${name}`);
    return obj;
  }

  private validate(user: CurrentUser, object: string, mode: 'create' | 'update', body: unknown, existing?: Record<string, unknown>) {
    const result = this.validation.check(user, object, mode, body, existing);
    if (!result.ok) throw invalid(result.errors);
    return result.values;
  }

  async create(user: CurrentUser, object: string, body: unknown, idempotencyKey?: string): Promise<{ record: ApiRecord; replayed: boolean }> {
    const { written, replayed } = await this.createWritten(user, object, body, idempotencyKey);
    return { record: written.record, replayed };
  }

  /** create() answering the record as its write read it back (JSON text, for the hot route to send as is). */
  async createWritten(user: CurrentUser, object: string, body: unknown, idempotencyKey?: string): Promise<{ written: WrittenRecord; replayed: boolean }> {
    const obj = this.objectOrThrow(object);
    if (idempotencyKey) {
      const stored = await this.replay(user, object, idempotencyKey);
      if (stored) return { written: WrittenRecord.fromRecord(stored), replayed: true };
    }
    this.permissions.assertCanCreate(user, object, body);
    let values = this.validate(user, object, 'create', body);
    const patch = await this.hooks?.before('beforeCreate', user, object, { record: values });
    if (patch) values = this.validate(user, object, 'create', { ...(body as object), ...patch });
    const ctx = await this.contexts.forUser(user);
    const readBack = await this.reader.readBack(user, object);
    // the common create is the row + its history + its event in one statement: no BEGIN/COMMIT needed
    const oneStatement = !idempotencyKey && this.writer.insertIsOneStatement(obj) && this.permissions.decision(user, object)?.actions.create.scope === undefined;
    const write = async (tx: Tx) => {
      if (idempotencyKey) {
        await tx.query(`INSERT INTO core.idempotency_key (user_id, key, object, status, response) VALUES ($1, $2, $3, 0, '{}')`, [user.id, idempotencyKey, object]);
      }
      const written = await this.writer.insertReturning(tx, obj, values, user, readBack);
      await this.permissions.assertRowInScope(tx, user, ctx, object, written.id, 'create');
      if (idempotencyKey) await tx.query(`UPDATE core.idempotency_key SET status = 201, response = $3 WHERE user_id = $1 AND key = $2`, [user.id, idempotencyKey, JSON.stringify({ id: written.id })]);
      return written;
    };
    const row = await (oneStatement ? write(this.db.oneStatement) : this.db.tx(write)).catch(async (e: unknown) => {
      // the same key raced in from another request: answer with what that one created
      if (idempotencyKey && e instanceof ProblemError && e.status === 409) {
        const stored = await this.replay(user, object, idempotencyKey);
        if (stored) return WrittenRecord.fromRecord(stored);
      }
      throw e;
    });
    const written = row instanceof WrittenRecord ? row : await this.readBackOrGet(user, object, row);
    if (this.hooks?.has(object, 'afterCreate')) this.hooks.after('afterCreate', user, object, { record: written.record });
    return { written, replayed: false };
  }

  /** The record as read back by the write statement (null: outside the caller's read scope), else a GET. */
  private async readBackOrGet(user: CurrentUser, object: string, written: { id: string; version: number; record?: string | null }): Promise<WrittenRecord> {
    if (written.record === undefined) return WrittenRecord.fromRecord(await this.get(user, object, written.id));
    if (written.record === null) throw notFound(`No ${object} ${written.id}`);
    return WrittenRecord.fromJson(written.record, written.id, written.version);
  }

  private async replay(user: CurrentUser, object: string, key: string): Promise<ApiRecord | null> {
    const [row] = await this.db.query<{ response: { id?: string }; object: string }>(
      `SELECT response, object FROM core.idempotency_key WHERE user_id = $1 AND key = $2 AND created_at > now() - interval '24 hours'`, [user.id, key]);
    if (!row?.response.id) return null;
    if (row.object !== object) throw new ProblemError('conflict', 'This Idempotency-Key was used for another object');
    return this.get(user, object, row.response.id);
  }

  get(user: CurrentUser, object: string, id: string): Promise<ApiRecord> {
    this.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    return this.reader.getOrThrow(user, object, id);
  }

  /** GET's answer: the record as JSON text from PostgreSQL and its version. */
  getJson(user: CurrentUser, object: string, id: string): Promise<{ json: string; version: number }> {
    this.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    return this.reader.getJson(user, object, id);
  }

  async update(user: CurrentUser, object: string, id: string, body: unknown, ifMatch?: number): Promise<ApiRecord> {
    return (await this.updateWritten(user, object, id, body, ifMatch)).record;
  }

  /** update() answering the record as its write read it back (JSON text, for the hot route to send as is). */
  async updateWritten(user: CurrentUser, object: string, id: string, body: unknown, ifMatch?: number): Promise<WrittenRecord> {
    const obj = this.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    const readBack = await this.reader.readBack(user, object);
    const inOneStatement = await this.updateInOneStatement(user, obj, id, body, ifMatch, readBack);
    if (inOneStatement) return inOneStatement;
    const ctx = await this.contexts.forUser(user);
    const current = this.hooks?.has(object, 'beforeUpdate') ? await this.get(user, object, id) : undefined;
    const patch = current && await this.hooks!.before('beforeUpdate', user, object, { record: { ...current, ...(body as object) }, before: current, changes: body as Record<string, unknown> });
    const written = await this.db.tx(async (tx) => {
      // both go out together on a pipelined connection (one round trip); each locks the same row
      const [before] = await Promise.all([lockRow(tx, obj, id), this.permissions.assertRowInScope(tx, user, ctx, object, id, 'update')]);
      if (!before) throw notFound(`No ${object} ${id}`);
      this.permissions.assertCanUpdate(user, object, body, before);
      const values = this.validate(user, object, 'update', patch ? { ...(body as object), ...patch } : body, before);
      return this.writer.update(tx, obj, id, values, user, { expectedVersion: ifMatch, before, readBack, last: true });
    });
    const answer = await this.readBackOrGet(user, object, { id, version: written.version, record: written.record });
    if (Object.keys(written.changes).length) {
      if (this.hooks?.has(object, 'afterUpdate')) this.hooks.after('afterUpdate', user, object, { record: answer.record, before: written.before, changes: valuesOf(written.changes) });
      if (this.hooks?.has(object, 'stageChanged')) for (const move of stageChanges(obj, written.changes)) this.hooks.after('stageChanged', user, object, { record: answer.record, ...move });
    }
    return answer;
  }

  /**
   * The common PATCH in one round trip (RecordWriter.updateInOneStatement): when no plugin hooks the
   * object's updates, the caller may update some records (the scope goes into the statement), the fields allow it (oneStatementUpdatable)
   * and the body passes the permission and validation checks that do not need the stored row. Anything
   * else — and any write it declines (missing, stale, locked, unchanged) — returns null for the
   * ordinary path, which answers exactly as before.
   */
  private async updateInOneStatement(user: CurrentUser, obj: ObjectDef, id: string, body: unknown, ifMatch: number | undefined, readBack: ReadBack): Promise<WrittenRecord | null> {
    const object = obj.name;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    if (this.hooks && (['beforeUpdate', 'afterUpdate', 'stageChanged'] as const).some((h) => this.hooks!.has(object, h))) return null;
    const decision = this.permissions.decision(user, object);
    const scope = decision?.actions.update.scope;
    if (!decision || isNever(scope)) return null;
    const { set } = this.registry.current();
    if (!oneStatementUpdatable(set, obj, Object.keys(body))) return null;
    if (this.permissions.fieldProblems(user, object, 'update', body).length) return null;
    const checked = this.validation.check(user, object, 'update', body);
    if (!checked.ok) return null;
    const ctx = scope === undefined ? undefined : await this.contexts.forUser(user);
    const written = await this.writer.updateInOneStatement(obj, id, checked.values, user, {
      expectedVersion: ifMatch, readBack, scope: ctx && ((paramOffset) => compileWhere({ object, set, ctx, scope, paramOffset })),
    });
    return written ? this.readBackOrGet(user, object, { id, version: written.version, record: written.record }) : null;
  }

  async remove(user: CurrentUser, object: string, id: string, ifMatch?: number): Promise<void> {
    const obj = this.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    this.permissions.assertCanDelete(user, object);
    const ctx = await this.contexts.forUser(user);
    const current = this.hooks?.has(object, 'beforeDelete') || this.hooks?.has(object, 'afterDelete') ? await this.get(user, object, id) : undefined;
    if (current) await this.hooks!.before('beforeDelete', user, object, { record: current });
    await this.db.tx(async (tx) => {
      await this.permissions.assertRowInScope(tx, user, ctx, object, id, 'delete');
      await this.writer.softDelete(tx, obj, id, user, ifMatch);
    });
    if (current) this.hooks!.after('afterDelete', user, object, { record: current });
  }

  async restore(user: CurrentUser, object: string, id: string): Promise<ApiRecord> {
    const obj = this.objectOrThrow(object);
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    this.permissions.assertCanDelete(user, object);
    const ctx = await this.contexts.forUser(user);
    await this.db.tx(async (tx) => {
      await this.permissions.assertRowInScope(tx, user, ctx, object, id, 'delete', { deleted: true });
      await this.writer.restore(tx, obj, id, user);
    });
    return this.get(user, object, id);
  }
}
