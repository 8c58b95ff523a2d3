import { Injectable } from '@nestjs/common';
import { parseCondition, type ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { invalid, notFound } from '../common/problem.js';
import type { Tx } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { rowInScope } from '../permissions/row-in-scope.js';
import { compileGet, compileSelect, parseListQuery, readPage, type SelectRow } from '../query/index.js';
import { ReadContextService } from '../records/read-context.service.js';
import { lockRow, RecordWriter } from '../records/record-writer.service.js';
import { RecordValidators } from '../records/validation/record-validator.js';

type Row = Record<string, unknown> & { id: string };
const NUMERIC = new Set(['integer', 'number', 'currency', 'percent']);

/**
 * Record reads and writes inside a plugin's transaction, with the same checks as RecordsService
 * (object and field permissions, row scope, validation) and the one write path, RecordWriter.
 */
@Injectable()
export class PluginRecordWrites {
  private readonly validators = new RecordValidators();

  constructor(
    private readonly registry: MetadataRegistry, private readonly writer: RecordWriter, private readonly permissions: PermissionsService,
    private readonly contexts: ReadContextService,
  ) {}

  /** Caches the caller's query context before a transaction takes a connection (its lookup needs another one). */
  async warm(user: CurrentUser): Promise<void> {
    await this.contexts.forUser(user);
  }

  async get(tx: Tx, user: CurrentUser, object: string, id: string): Promise<Row | null> {
    this.objectOrThrow(object);
    const set = this.registry.current().set;
    const access = this.permissions.access(user);
    const compiled = compileGet({ object, set, ctx: await this.contexts.forUser(user), ...access, id, scope: access.scopeFor?.(object), hiddenFields: access.hiddenFor?.(object) });
    const [row] = await tx.query<{ record: Row }>(compiled.sql, compiled.params);
    return row?.record ?? null;
  }

  async list(tx: Tx, user: CurrentUser, object: string, raw: Record<string, unknown>): Promise<Row[]> {
    this.objectOrThrow(object);
    const set = this.registry.current().set;
    const q = parseListQuery(raw, { object, set });
    const access = this.permissions.access(user);
    const compiled = compileSelect({ object, set, ctx: await this.contexts.forUser(user), ...access, filter: q.filter, sort: q.sort, limit: q.limit, scope: access.scopeFor?.(object), hiddenFields: access.hiddenFor?.(object) });
    return readPage(await tx.query<SelectRow<Row>>(compiled.sql, compiled.params), compiled).data as Row[];
  }

  async create(tx: Tx, user: CurrentUser, object: string, body: Record<string, unknown>): Promise<string> {
    const obj = this.objectOrThrow(object);
    this.permissions.assertCanCreate(user, object, body);
    const values = this.validate(user, object, 'create', body);
    const id = await this.writer.insert(tx, obj, values, user);
    await this.permissions.assertRowInScope(tx, user, await this.contexts.forUser(user), object, id, 'create');
    return id;
  }

  async update(tx: Tx, user: CurrentUser, object: string, id: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const obj = this.objectOrThrow(object);
    await this.permissions.assertRowInScope(tx, user, await this.contexts.forUser(user), object, id, 'update');
    const before = await lockRow(tx, obj, id);
    if (!before) throw notFound(`No ${object} ${id}`);
    this.permissions.assertCanUpdate(user, object, body, before);
    const values = this.validate(user, object, 'update', body, before);
    return (await this.writer.update(tx, obj, id, values, user, { before })).changes;
  }

  async remove(tx: Tx, user: CurrentUser, object: string, id: string): Promise<void> {
    const obj = this.objectOrThrow(object);
    this.permissions.assertCanDelete(user, object);
    await this.permissions.assertRowInScope(tx, user, await this.contexts.forUser(user), object, id, 'delete');
    await this.writer.softDelete(tx, obj, id, user);
  }

  /**
   * Adds `delta` to numeric fields. The row is checked against `where` and locked by ONE statement
   * (`SELECT … WHERE id = $1 AND <where> FOR UPDATE`), so concurrent adjusts serialize on the row and
   * each sees the committed value of the previous: false when the record no longer satisfies `where`.
   */
  async adjust(tx: Tx, user: CurrentUser, object: string, id: string, delta: Record<string, number>, opts: { where?: Record<string, unknown>; set?: Record<string, unknown> }): Promise<boolean> {
    const obj = this.objectOrThrow(object);
    const bad = Object.entries(delta).filter(([f, d]) => !NUMERIC.has(obj.fields[f]?.type ?? '') || typeof d !== 'number' || !Number.isFinite(d));
    if (bad.length) throw invalid(bad.map(([f]) => ({ path: `/${f}`, message: 'adjust takes a finite number for a numeric field' })));
    const ctx = await this.contexts.forUser(user);
    await this.permissions.assertRowInScope(tx, user, ctx, object, id, 'update');
    if (opts.where) {
      const set = this.registry.current().set;
      const parsed = parseCondition(opts.where, { object, set });
      if (!parsed.ast) throw invalid(parsed.errors.map((e) => ({ path: `/where${e.path}`, message: e.message })), 'The adjust condition is invalid');
      if (!(await rowInScope(tx, { object, id, set, ctx, scope: parsed.ast, lock: true }))) return false;
    }
    const before = await lockRow(tx, obj, id);
    if (!before) throw notFound(`No ${object} ${id}`);
    const body: Record<string, unknown> = { ...opts.set };
    for (const [f, d] of Object.entries(delta)) {
      const sum = Number(before[f] ?? 0) + d;
      body[f] = obj.fields[f]!.type === 'currency' ? Math.round(sum * 100) / 100 : sum;
    }
    this.permissions.assertCanUpdate(user, object, body, before);
    const values = this.validate(user, object, 'update', body, before);
    await this.writer.update(tx, obj, id, values, user, { before });
    return true;
  }

  private validate(user: CurrentUser, object: string, mode: 'create' | 'update', body: unknown, existing?: Record<string, unknown>) {
    const rev = this.registry.current();
    const result = this.validators.forRevision(rev.number, rev.set).validate(object, mode, body ?? {}, {
      existing, locale: user.locale === 'zh-CN' ? 'zh-CN' : 'en', variables: { user: { id: user.id } },
    });
    if (!result.ok) throw invalid(result.errors);
    return result.values;
  }

  private objectOrThrow(name: string): ObjectDef {
    const set = this.registry.current().set;
    const obj = Object.hasOwn(set.objects, name) ? set.objects[name] : undefined;
    if (!obj || obj.archived) throw notFound(`No object ${name}`);
    return obj;
  }
}
