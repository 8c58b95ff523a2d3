import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { badRequest, notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileCount, compileGet, compilePageJson, compileSelect, parseListQuery, readPage, readPageJson, type PageJsonRow, type ReadAccess, type SelectRow } from '../query/index.js';
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
    const { compiled, count } = await this.compileList(user, object, raw);
    const page = readPage(await this.db.prepared<SelectRow>(compiled.sql, compiled.params), compiled);
    return count ? { ...page, total: await this.total(count) } : page;
  }

  /** The list as JSON text built in PostgreSQL, for the HTTP response (no parse and re-serialize in Node). */
  async listJson(user: CurrentUser, object: string, raw: Record<string, unknown>): Promise<string> {
    const { compiled, count, wrapped } = await this.compileList(user, object, raw, true);
    const page = readPageJson(await this.db.prepared<PageJsonRow>(wrapped!.sql, wrapped!.params), compiled);
    const total = count ? `,"total":${await this.total(count)}` : '';
    return `{"data":${page.data},"nextCursor":${JSON.stringify(page.nextCursor)}${total}}`;
  }

  /** A first page (no cursor) is compiled once a second per caller and query; later pages each time. */
  private async compileList(user: CurrentUser, object: string, raw: Record<string, unknown>, json = false) {
    const { number, set } = this.registry.current();
    const ctx = await this.contexts.forUser(user);
    const access = this.access(user);
    const scope = access.scopeFor?.(object);
    const compile = () => {
      const q = parseListQuery(raw, { object, set });
      const base = { object, set, ctx, ...access, filter: q.filter, q: q.q, deleted: q.deleted, scope, hiddenFields: access.hiddenFor?.(object) };
      const compiled = compileSelect({ ...base, sort: q.sort, limit: q.limit, cursor: q.cursor, offset: q.offset, fields: q.fields, expand: q.expand });
      return { compiled, count: q.count ? compileCount(base) : null, wrapped: json ? compilePageJson(compiled) : undefined };
    };
    if (raw.cursor !== undefined) return compile();
    const key = `list|${json}|${JSON.stringify(raw)}|${callerKey(number, object, user, scope)}`;
    return this.statements.memo(key, Date.now(), compile);
  }

  private async total(count: { sql: string; params: unknown[] }): Promise<number> {
    const [{ total }] = await this.db.prepared<{ total: number }>(count.sql, count.params);
    return Number(total);
  }

  async getOrThrow(user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[] } = {}): Promise<ApiRecord> {
    const compiled = await this.compileGet(user, object, id, shape);
    const [row] = await this.db.prepared<{ record: ApiRecord }>(compiled.sql, compiled.params);
    if (!row) throw notFound(`No ${object} ${id}`);
    return row.record;
  }

  /** One record as JSON text built in PostgreSQL, with its version (for the ETag), for the HTTP response. */
  async getJson(user: CurrentUser, object: string, id: string): Promise<{ json: string; version: number }> {
    const compiled = await this.compileGet(user, object, id, { version: true });
    const [row] = await this.db.prepared<{ json: string; version: number }>(`SELECT "g"."record"::text AS "json", "g"."version" FROM (${compiled.sql}) AS "g"`, compiled.params);
    if (!row) throw notFound(`No ${object} ${id}`);
    return row;
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
  private async compileGet(user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[]; version?: boolean }) {
    const { number, set } = this.registry.current();
    const ctx = await this.contexts.forUser(user);
    const access = this.access(user);
    const scope = access.scopeFor?.(object);
    const key = `get|${shape.fields?.join(',')}|${shape.expand?.join(',')}|${shape.version === true}|${callerKey(number, object, user, scope)}`;
    return this.statements.statementFor(key, id, Date.now(), (forId) =>
      compileGet({ object, set, ctx, ...access, id: forId, scope, hiddenFields: access.hiddenFor?.(object), ...shape }));
  }

  /** GET one record with `fields` / `expand`; any other parameter is refused (SECURITY.md 3). */
  getWithQuery(user: CurrentUser, object: string, id: string, raw: Record<string, unknown>): Promise<ApiRecord> {
    const extra = Object.keys(raw).filter((k) => k !== 'fields' && k !== 'expand');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of a single record' })));
    const q = parseListQuery(raw, { object, set: this.registry.current().set });
    return this.getOrThrow(user, object, id, { fields: q.fields, expand: q.expand });
  }
}

/** What a compiled read of `object` depends on besides the request: revision, caller, roles and scope. */
function callerKey(revision: number, object: string, user: CurrentUser, scope: unknown): string {
  return `${revision}|${object}|${user.id}|${user.teamId}|${user.roles.join(',')}|${scope === undefined ? '' : JSON.stringify(scope)}`;
}
