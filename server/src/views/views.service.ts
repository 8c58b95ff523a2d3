import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { isUuid } from '../common/is-uuid.js';
import { conflict, forbidden, notFound } from '../common/problem.js';
import { Db } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { ReadContextService } from '../records/read-context.service.js';
import { checkViewQuery } from './check-view-query.js';
import type { CreateViewInput, ViewInput } from './view.schemas.js';

export interface ViewDto {
  id: string;
  object: string;
  name: string;
  filter: Record<string, unknown> | null;
  sort: string | null;
  columns: string[] | null;
  shared: boolean;
  owner: string;
  ownerName: string;
  /** The caller may rename, share or delete it (owner or admin). */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `v.id, v.object, v.name, v.filter, v.sort, v.columns, v.shared, v.owner_id AS owner, u.name AS "ownerName",
  v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;
const FROM = `core.saved_view v JOIN core."user" u ON u.id = v.owner_id`;

/**
 * Saved list views: a user sees their own views of an object and the shared ones; only the owner
 * (or an admin) changes one. Every stored filter, sort and column list compiles for the caller first.
 */
@Injectable()
export class ViewsService {
  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly permissions: PermissionsService,
    private readonly contexts: ReadContextService,
  ) {}

  async list(user: CurrentUser, object: string): Promise<ViewDto[]> {
    this.readableObjectOrThrow(user, object);
    const rows = await this.db.query<ViewDto>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE v.object = $1 AND (v.owner_id = $2 OR v.shared) ORDER BY lower(v.name), v.id`, [object, user.id]);
    return rows.map((row) => this.withEditable(user, row));
  }

  async create(user: CurrentUser, input: CreateViewInput): Promise<ViewDto> {
    this.readableObjectOrThrow(user, input.object);
    await this.checkQuery(user, input.object, input);
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO core.saved_view (owner_id, object, name, filter, sort, columns, shared) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [user.id, input.object, input.name.trim(), json(input.filter), input.sort || null, json(input.columns), input.shared ?? false],
    ).catch(duplicateName);
    return this.getOrThrow(user, row.id);
  }

  async update(user: CurrentUser, id: string, input: ViewInput): Promise<ViewDto> {
    const view = await this.editableOrThrow(user, id);
    await this.checkQuery(user, view.object, input);
    const has = (key: keyof ViewInput) => input[key] !== undefined;
    await this.db.query(
      `UPDATE core.saved_view SET
         name = CASE WHEN $2 THEN $3 ELSE name END, filter = CASE WHEN $4 THEN $5::jsonb ELSE filter END,
         sort = CASE WHEN $6 THEN $7 ELSE sort END, columns = CASE WHEN $8 THEN $9::jsonb ELSE columns END,
         shared = COALESCE($10, shared), updated_at = now()
       WHERE id = $1`,
      [id, has('name'), input.name?.trim() ?? null, has('filter'), json(input.filter), has('sort'), input.sort || null, has('columns'), json(input.columns), input.shared ?? null],
    ).catch(duplicateName);
    return this.getOrThrow(user, id);
  }

  async remove(user: CurrentUser, id: string): Promise<void> {
    await this.editableOrThrow(user, id);
    await this.db.query(`DELETE FROM core.saved_view WHERE id = $1`, [id]);
  }

  /** A view the caller may see (own or shared), else 404: another user's private view is never revealed. */
  async getOrThrow(user: CurrentUser, id: string): Promise<ViewDto> {
    const [row] = isUuid(id) ? await this.db.query<ViewDto>(`SELECT ${COLUMNS} FROM ${FROM} WHERE v.id = $1 AND (v.owner_id = $2 OR v.shared OR $3)`, [id, user.id, this.permissions.isAdmin(user)]) : [];
    if (!row) throw notFound(`No view ${id}`);
    return this.withEditable(user, row);
  }

  private async editableOrThrow(user: CurrentUser, id: string): Promise<ViewDto> {
    const view = await this.getOrThrow(user, id);
    if (!view.editable) throw forbidden('Only the owner of a view (or an admin) may change or delete it');
    return view;
  }

  private withEditable(user: CurrentUser, row: ViewDto): ViewDto {
    return { ...row, editable: row.owner === user.id || this.permissions.isAdmin(user) };
  }

  private readableObjectOrThrow(user: CurrentUser, object: string): void {
    const set = this.registry.current().set;
    const obj = Object.hasOwn(set.objects, object) ? set.objects[object] : undefined;
    if (!obj || obj.archived) throw notFound(`No object ${object}`);
    const mask = this.permissions.metadataMask(user);
    if (mask && !mask(object).readable) throw forbidden(`Your roles may not read ${object} records`);
  }

  private async checkQuery(user: CurrentUser, object: string, input: ViewInput): Promise<void> {
    const ctx = await this.contexts.forUser(user);
    checkViewQuery(input, { object, set: this.registry.current().set, ctx, ...this.permissions.access(user) });
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function duplicateName(e: unknown): never {
  if ((e as { status?: number }).status === 409) throw conflict('You already have a view of this object with this name', { errors: [{ path: '/name', message: 'must be unique' }] });
  throw e;
}
