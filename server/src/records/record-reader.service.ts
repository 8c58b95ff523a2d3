import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { badRequest, notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileCount, compileGet, compileGetRows, compileSelect, compileSelectRows, parseListQuery, readPage, readPageRows, type ReadAccess, type SelectRow } from '../query/index.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { ReadContextService } from './read-context.service.js';
import type { ApiRecord } from './records.service.js';
import { StatementCache } from './lib/statement-cache.js';
import type { ReadBack } from './lib/read-back.js';

/**
 * Every read of records goes through here and the one query compiler (SECURITY.md 1):
 * list, get, count. The permission layer plugs its scopes and hidden fields in via `access`.
 */
@Injectable()
export class RecordReader {
  private readonly statements = new StatementCache();

  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly contexts: ReadContextService,
    private readonly permissions: PermissionsService,
  ) {}

  /** Read access of a caller: record scopes (role scopes OR records shared with them) and hidden fields, for every object. */
  access(user: CurrentUser): ReadAccess {
    return this.permissions.access(user);
  }

  async list(user: CurrentUser, object: string, raw: Record<string, unknown>) {
    const { compiled, count } = await this.compileList(user, object, raw, AS_OBJECTS);
    const page = readPage(await this.db.prepared<SelectRow>(compiled.sql, compiled.params), compiled);
    return count ? { ...page, total: await this.total(count) } : page;
  }

  /** The list as JSON text, for the HTTP response: spelled once from the columns' text, never parsed and re-serialized. */
  async listJson(user: CurrentUser, object: string, raw: Record<string, unknown>): Promise<string> {
    const { compiled, count } = await this.compileList(user, object, raw, AS_ROWS);
    const page = readPageRows(await this.db.preparedRows(compiled.sql, compiled.params), compiled);
    const total = count ? `,"total":${await this.total(count)}` : '';
    return `{"data":${page.data},"nextCursor":${JSON.stringify(page.nextCursor)}${total}}`;
  }

  /** A first page (no cursor) is compiled once a second per caller and query; later pages each time. */
  private async compileList<O extends Output>(user: CurrentUser, object: string, raw: Record<string, unknown>, output: O) {
    const { number, set } = this.registry.current();
    const access = this.access(user);
    const scope = access.scopeFor?.(object);
    const key = raw.cursor === undefined ? `list|${output.tag}|${JSON.stringify(raw)}|${callerKey(number, object, user, scope)}` : undefined;
    const now = Date.now();
    // the caller's query context (team, subordinates, clock) only when compiling
    const ctx = key !== undefined && this.statements.fresh(key, now) ? undefined : await this.contexts.forUser(user);
    const compile = () => {
      const q = parseListQuery(raw, { object, set });
      const base = { object, set, ctx: ctx!, ...access, filter: q.filter, q: q.q, deleted: q.deleted, scope, hiddenFields: access.hiddenFor?.(object) };
      const compiled = output.select({ ...base, sort: q.sort, limit: q.limit, cursor: q.cursor, offset: q.offset, fields: q.fields, expand: q.expand });
      return { compiled: compiled as ReturnType<O['select']>, count: q.count ? compileCount(base) : null };
    };
    return key === undefined ? compile() : this.statements.memo(key, now, compile);
  }

  private async total(count: { sql: string; params: unknown[] }): Promise<number> {
    const [{ total }] = await this.db.prepared<{ total: number }>(count.sql, count.params);
    return Number(total);
  }

  async getOrThrow(user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[] } = {}): Promise<ApiRecord> {
    return (await this.rowOrThrow(user, object, id, shape)).record;
  }

  /** The compiled GET's row: the record, and its version when `shape.version`. */
  private async rowOrThrow(user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[]; version?: boolean }) {
    const compiled = await this.compileGet(user, object, id, shape);
    const [row] = await this.db.prepared<{ record: ApiRecord; version: number }>(compiled.sql, compiled.params);
    if (!row) throw notFound(`No ${object} ${id}`);
    return row;
  }

  /** One record as JSON text spelled from its columns, with its version (for the ETag), for the HTTP response. */
  async getJson(user: CurrentUser, object: string, id: string): Promise<{ json: string; version: number }> {
    const compiled = await this.compileGet(user, object, id, { version: true }, AS_ROWS);
    const [row] = await this.db.preparedRows(compiled.sql, compiled.params);
    if (!row) throw notFound(`No ${object} ${id}`);
    return { json: compiled.record(row), version: Number(row[compiled.versionColumn]) };
  }

  /**
   * The caller's read-back of a write: compiles (once a second per caller) the GET of the written
   * row from the write statement's own CTE, so the write answers with the record in one round trip.
   */
  async readBack(user: CurrentUser, object: string): Promise<ReadBack> {
    const { number, set } = this.registry.current();
    const ctx = await this.contexts.forUser(user);
    const access = this.access(user);
    const scope = access.scopeFor?.(object);
    const base = callerKey(number, object, user, scope);
    return (cte, paramOffset) => this.statements.memo(`rb|${cte}|${paramOffset}|${base}`, Date.now(), () =>
      compileGet({ object, set, ctx, ...access, cte, paramOffset, scope, hiddenFields: access.hiddenFor?.(object) }));
  }

  /** The compiled GET, reused for a second per caller and shape (the compiler is most of a GET's CPU). */
  private async compileGet<O extends Output = typeof AS_OBJECTS>(
    user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[]; version?: boolean }, output: O = AS_OBJECTS as O,
  ): Promise<ReturnType<O['get']>> {
    const { number, set } = this.registry.current();
    const access = this.access(user);
    const scope = access.scopeFor?.(object);
    const key = `get|${output.tag}|${shape.fields?.join(',')}|${shape.expand?.join(',')}|${shape.version === true}|${callerKey(number, object, user, scope)}`;
    const now = Date.now();
    const ctx = this.statements.fresh(key, now) ? undefined : await this.contexts.forUser(user);
    return this.statements.statementFor(key, id, now, (forId) =>
      output.get({ object, set, ctx: ctx!, ...access, id: forId, scope, hiddenFields: access.hiddenFor?.(object), ...shape })) as ReturnType<O['get']>;
  }

  /** GET one record with `fields` / `expand`, and its version (for the ETag, even when `fields` leaves it out); any other parameter is refused (SECURITY.md 3). */
  async getWithQuery(user: CurrentUser, object: string, id: string, raw: Record<string, unknown>): Promise<{ record: ApiRecord; version: number }> {
    const extra = Object.keys(raw).filter((k) => k !== 'fields' && k !== 'expand');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of a single record' })));
    const q = parseListQuery(raw, { object, set: this.registry.current().set });
    return this.rowOrThrow(user, object, id, { fields: q.fields, expand: q.expand, version: true });
  }

}

/** A compiled read's output: the record as a JSON column (parsed by the driver), or its values as columns of text. */
const AS_OBJECTS = { tag: 'objects', select: compileSelect, get: compileGet } as const;
const AS_ROWS = { tag: 'rows', select: compileSelectRows, get: compileGetRows } as const;
type Output = typeof AS_OBJECTS | typeof AS_ROWS;

/** What a compiled read of `object` depends on besides the request: revision, caller, roles and scope. */
function callerKey(revision: number, object: string, user: CurrentUser, scope: unknown): string {
  return `${revision}|${object}|${user.id}|${user.teamId}|${user.roles.join(',')}|${scope === undefined ? '' : JSON.stringify(scope)}`;
}
