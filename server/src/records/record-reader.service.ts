import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { badRequest, notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { compileCount, compileGet, compilePageJson, compileSelect, parseListQuery, readPage, readPageJson, type ReadAccess, type SelectRow } from '../query/index.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { ReadContextService } from './read-context.service.js';
import type { ApiRecord } from './records.service.js';

/**
 * Every read of records goes through here and the one query compiler (SECURITY.md 1):
 * list, get, count. The permission layer plugs its scopes and hidden fields in via `access`.
 */
@Injectable()
export class RecordReader {
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
    const { compiled, count } = await this.compileList(user, object, raw);
    const wrapped = compilePageJson(compiled);
    const [row] = await this.db.prepared<{ data: string; last: string | null; more: boolean }>(wrapped.sql, wrapped.params);
    const page = readPageJson(row, compiled);
    const total = count ? `,"total":${await this.total(count)}` : '';
    return `{"data":${page.data},"nextCursor":${JSON.stringify(page.nextCursor)}${total}}`;
  }

  private async compileList(user: CurrentUser, object: string, raw: Record<string, unknown>) {
    const set = this.registry.current().set;
    const q = parseListQuery(raw, { object, set });
    const ctx = await this.contexts.forUser(user);
    const access = this.access(user);
    const base = { object, set, ctx, ...access, filter: q.filter, q: q.q, deleted: q.deleted, scope: access.scopeFor?.(object), hiddenFields: access.hiddenFor?.(object) };
    const compiled = compileSelect({ ...base, sort: q.sort, limit: q.limit, cursor: q.cursor, offset: q.offset, fields: q.fields, expand: q.expand });
    return { compiled, count: q.count ? compileCount(base) : null };
  }

  private async total(count: { sql: string; params: unknown[] }): Promise<number> {
    const [{ total }] = await this.db.prepared<{ total: number }>(count.sql, count.params);
    return Number(total);
  }

  async getOrThrow(user: CurrentUser, object: string, id: string, shape: { fields?: string[]; expand?: string[] } = {}): Promise<ApiRecord> {
    const set = this.registry.current().set;
    const ctx = await this.contexts.forUser(user);
    const access = this.access(user);
    const compiled = compileGet({ object, set, ctx, ...access, id, scope: access.scopeFor?.(object), hiddenFields: access.hiddenFor?.(object), ...shape });
    const [row] = await this.db.prepared<{ record: ApiRecord }>(compiled.sql, compiled.params);
    if (!row) throw notFound(`No ${object} ${id}`);
    return row.record;
  }

  /** GET one record with `fields` / `expand`; any other parameter is refused (SECURITY.md 3). */
  getWithQuery(user: CurrentUser, object: string, id: string, raw: Record<string, unknown>): Promise<ApiRecord> {
    const extra = Object.keys(raw).filter((k) => k !== 'fields' && k !== 'expand');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of a single record' })));
    const q = parseListQuery(raw, { object, set: this.registry.current().set });
    return this.getOrThrow(user, object, id, { fields: q.fields, expand: q.expand });
  }
}
