import { Injectable, Logger, Optional } from '@nestjs/common';
import { JOIN_TABLE_COLUMNS, type ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { invalid, notFound } from '../common/problem.js';
import { parseBody } from '../common/parse-body.js';
import { Db, type Tx } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { HookBatch } from '../plugins/hook-batch.js';
import { RecordHooks } from '../plugins/record-hooks.service.js';
import { quoteQualified as qq } from '../query/index.js';
import { recordWritten } from './lib/history-and-outbox.js';
import { inboundRelations, type InboundRelation } from './lib/inbound-relations.js';
import { manyToManyFields } from './lib/stored-fields.js';
import { lockRow, RecordWriter } from './record-writer.service.js';
import { ReadContextService } from './read-context.service.js';
import { RecordsService, type ApiRecord } from './records.service.js';
import { WriteValidation } from './write-validation.service.js';

const uuid = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const schema = {
  type: 'object', additionalProperties: false, required: ['survivor', 'others'],
  properties: { survivor: uuid, others: { type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: uuid }, values: { type: 'object' } },
};
interface MergeBody { survivor: string; others: string[]; values?: Record<string, unknown> }
const { source: SOURCE, target: TARGET } = JOIN_TABLE_COLUMNS;

/**
 * `POST /api/records/{object}/merge`: the caller must be able to update the survivor (and the fields
 * of `values`) and delete the others. Then, in one transaction, every relation pointing at the merged
 * records is re-pointed to the survivor (live referencing records through RecordWriter, so they get
 * history and events), the merged records are soft-deleted, `values` (plus the union of manyToMany
 * links) are written to the survivor, and a `merge` history row lists the merged ids. Plugin hooks see
 * it as the writes it is: beforeUpdate/afterUpdate for the survivor and every re-pointed record,
 * beforeDelete/afterDelete for each merged one (`after*` once committed).
 */
@Injectable()
export class MergeService {
  private readonly logger = new Logger('records');

  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly records: RecordsService, private readonly writer: RecordWriter, private readonly validation: WriteValidation,
    private readonly permissions: PermissionsService, private readonly contexts: ReadContextService,
    @Optional() private readonly hooks?: RecordHooks,
  ) {}

  async merge(user: CurrentUser, object: string, body: unknown): Promise<ApiRecord> {
    const obj = this.records.objectOrThrow(object);
    const { survivor, others, values = {} } = parseBody<MergeBody>(schema, body);
    if (others.includes(survivor)) throw invalid([{ path: `/others/${others.indexOf(survivor)}`, message: 'is the survivor itself' }]);
    for (const id of [survivor, ...others]) await this.records.get(user, object, id); // 404 unless the caller may read each
    const relations = inboundRelations(this.registry.current().set, object);
    this.permissions.assertCanDelete(user, object);
    const ctx = await this.contexts.forUser(user);
    const hooks = new HookBatch(this.hooks, user);
    await this.db.tx(async (tx) => {
      const rows = new Map<string, Record<string, unknown>>();
      for (const id of [survivor, ...others].sort()) {
        const row = await lockRow(tx, obj, id);
        if (!row) throw notFound(`No ${object} ${id}`);
        await this.permissions.assertRowInScope(tx, user, ctx, object, id, id === survivor ? 'update' : 'delete');
        rows.set(id, row);
      }
      this.permissions.assertCanUpdate(user, object, values, rows.get(survivor)!);
      for (const id of others) await hooks.beforeDelete(object, rows.get(id)!);
      for (const rel of relations) await this.repoint(tx, user, rel, survivor, others, hooks);
      for (const id of others) {
        await this.writer.softDelete(tx, obj, id, user);
        hooks.deleted(object, rows.get(id)!);
      }
      const before = (await lockRow(tx, obj, survivor))!;
      const body = { ...this.unionOfLinks(obj, before, others.map((id) => rows.get(id)!)), ...values };
      const patch = await hooks.beforeUpdate(object, before, body);
      const checked = this.validation.check(user, object, 'update', { ...body, ...patch }, before);
      if (!checked.ok) throw invalid(checked.errors.map((e) => ({ ...e, path: `/values${e.path}` })));
      const { version, changes } = await this.writer.update(tx, obj, survivor, checked.values, user, { before });
      hooks.updated(obj, survivor, before, changes);
      await recordWritten(tx, { object, recordId: survivor, version, action: 'merge', changes: { merged: { from: null, to: others } }, actor: user.id, trackHistory: true });
    });
    if (hooks.size) void hooks.flush((o, id) => this.records.get(user, o, id)).catch((e: unknown) => this.logger.warn({ msg: 'merge after-hooks failed', err: String(e) }));
    return this.records.get(user, object, survivor);
  }

  /** One relation: live referencing records through the write path, then whatever is left (binned rows) directly. */
  private async repoint(tx: Tx, user: CurrentUser, rel: InboundRelation, survivor: string, others: string[], hooks: HookBatch): Promise<void> {
    const holder = this.records.objectOrThrow(rel.object);
    const table = qq('data', rel.object);
    if (rel.kind === 'manyToOne') {
      const column = qq(rel.storage);
      const live = await tx.query<{ id: string }>(
        `SELECT "id" FROM ${table} WHERE ${column} = ANY($1::uuid[]) AND "deleted_at" IS NULL AND NOT ("id" = ANY($2::uuid[])) ORDER BY "id" FOR UPDATE`, [others, [survivor, ...others]]);
      for (const { id } of live) await this.repointOne(tx, user, holder, id, { [rel.field]: survivor }, hooks);
      await tx.query(`UPDATE ${table} SET ${column} = CASE WHEN "id" = $1 THEN NULL ELSE $1::uuid END WHERE ${column} = ANY($2::uuid[])`, [survivor, others]);
      return;
    }
    const join = qq('data', rel.storage);
    const live = await tx.query<{ id: string }>(
      `SELECT DISTINCT j.${qq(SOURCE)} AS "id" FROM ${join} j JOIN ${table} s ON s."id" = j.${qq(SOURCE)} AND s."deleted_at" IS NULL WHERE j.${qq(TARGET)} = ANY($1::uuid[]) ORDER BY 1`, [others]);
    for (const { id } of live) {
      const before = await lockRow(tx, holder, id);
      if (!before) continue;
      const ids = [...new Set((before[rel.field] as string[]).map((t) => (others.includes(t) ? survivor : t)))];
      await this.repointOne(tx, user, holder, id, { [rel.field]: ids }, hooks, before);
    }
    await tx.query(`INSERT INTO ${join} (${qq(SOURCE)}, ${qq(TARGET)}) SELECT ${qq(SOURCE)}, $1 FROM ${join} WHERE ${qq(TARGET)} = ANY($2::uuid[]) ON CONFLICT DO NOTHING`, [survivor, others]);
    await tx.query(`DELETE FROM ${join} WHERE ${qq(TARGET)} = ANY($1::uuid[])`, [others]);
  }

  /** One live referencing record re-pointed through the write path, with its update hooks (a hook's patch is kept). */
  private async repointOne(tx: Tx, user: CurrentUser, holder: ObjectDef, id: string, set: Record<string, unknown>, hooks: HookBatch, locked?: Record<string, unknown>): Promise<void> {
    const before = locked ?? await lockRow(tx, holder, id);
    if (!before) return;
    const patch = await hooks.beforeUpdate(holder.name, before, set);
    const checked = patch ? this.validation.check(user, holder.name, 'update', patch, before) : undefined;
    if (checked && !checked.ok) throw invalid(checked.errors, `A plugin's change to ${holder.name} ${id} is not valid`);
    const { changes } = await this.writer.update(tx, holder, id, { ...(checked?.ok ? checked.values : {}), ...set }, user, { before });
    hooks.updated(holder, id, before, changes);
  }

  /** The survivor keeps the manyToMany links of every merged record (unless `values` says otherwise). */
  private unionOfLinks(obj: ObjectDef, survivor: Record<string, unknown>, merged: Record<string, unknown>[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { field } of manyToManyFields(obj)) {
      const ids = new Set([survivor, ...merged].flatMap((r) => (r[field] as string[] | undefined) ?? []));
      if (ids.size > ((survivor[field] as string[] | undefined)?.length ?? 0)) out[field] = [...ids];
    }
    return out;
  }
}
