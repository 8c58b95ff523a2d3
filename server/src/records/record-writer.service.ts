import { Injectable } from '@nestjs/common';
import type { ApprovalDef, MetadataSet, ObjectDef } from '@loom/metadata';
import { joinTableName, JOIN_TABLE_COLUMNS } from '@loom/metadata';
import { Db, type Tx } from '../database/db.js';
import { conflict, notFound, ProblemError } from '../common/problem.js';
import { quoteIdent as q } from '../query/sql/quote-ident.js';
import type { CompiledWhere } from '../query/index.js';
import { sequenceName } from '../schema-migrator/ddl.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { StageGuard } from '../pipelines/stage-guard.service.js';
import { ApprovalLocks } from '../approvals/approval-locks.service.js';
import { formatAutonumber } from './lib/format-autonumber.js';
import { newRecordId } from './lib/record-id.js';
import { automationsFiredBy } from '../automation/outbox/match-trigger.js';
import { bindWritten, EVENT_TYPE, recordWritten, writtenCtes, writtenCtesText, type RecordAction, type WrittenEvent } from './lib/history-and-outbox.js';
import { recordChanges } from './lib/record-changes.js';
import { columnsByField, columnValue, manyToManyFields, storedFields } from './lib/stored-fields.js';
import type { ReadBack } from './lib/read-back.js';
import { StatementTexts } from './lib/statement-texts.js';

export interface WriteActor {
  id: string;
}

const table = (object: string) => `${q('data')}.${q(object)}`;

/** The pending approval request of a row, as read with it by lockRow (null: none; undefined: not read). */
export interface PendingApproval { id: string; process: string; definition: ApprovalDef }
const pendingByRow = new WeakMap<object, PendingApproval | null>();
export const pendingApprovalOf = (row: object): PendingApproval | null | undefined => pendingByRow.get(row);

/**
 * Row as `{ field: value }` (relation columns back to field names), read and locked inside the
 * transaction, with its pending approval request in the same statement (see pendingApprovalOf).
 */
export async function lockRow(tx: Tx, obj: ObjectDef, id: string, opts: { deleted?: boolean } = {}): Promise<Record<string, unknown> | null> {
  const [row] = await tx.prepared<{ r: Record<string, unknown>; pending: PendingApproval | null }>(
    `SELECT to_jsonb(t) AS r, (SELECT json_build_object('id', a.id, 'process', a.process, 'definition', a.definition) FROM core.approval_request a
        WHERE a.object = $2 AND a.record_id = t."id" AND a.status = 'pending' LIMIT 1) AS pending
       FROM ${table(obj.name)} t WHERE t."id" = $1 AND t."deleted_at" IS ${opts.deleted ? 'NOT NULL' : 'NULL'} FOR UPDATE OF t`,
    [id, obj.name],
  );
  if (!row) return null;
  const out: Record<string, unknown> = { id: row.r.id, owner: row.r.owner, version: row.r.version };
  for (const s of storedFields(obj)) out[s.field] = s.def.type === 'datetime' ? apiDatetime(row.r[s.column]) : row.r[s.column] ?? null;
  for (const m of manyToManyFields(obj)) {
    const ids = await tx.query<{ id: string }>(`SELECT ${q(JOIN_TABLE_COLUMNS.target)} AS id FROM ${table(joinTableName(obj.name, m.field))} WHERE ${q(JOIN_TABLE_COLUMNS.source)} = $1 ORDER BY 1`, [id]);
    out[m.field] = ids.map((r) => r.id);
  }
  pendingByRow.set(out, row.pending);
  return out;
}

/** A datetime as the API writes and answers it (`2026-11-30T08:00:00.000Z`), not as to_jsonb spells it, so an unchanged value compares equal. */
function apiDatetime(value: unknown): unknown {
  return typeof value === 'string' ? new Date(value).toISOString() : value ?? null;
}

/**
 * The one write path for records: single, bulk, import, merge and restore all call it inside their
 * transaction, so every write gets the same history row and outbox event.
 */
@Injectable()
export class RecordWriter {
  private readonly texts = new StatementTexts();
  private readonly settledBySet = new WeakMap<MetadataSet, Map<string, boolean>>();

  constructor(private readonly db: Db, private readonly registry: MetadataRegistry, private readonly stages: StageGuard, private readonly locks: ApprovalLocks) {}

  /**
   * No automation of the current metadata fires on this write's event: the event is written already
   * dispatched (the outbox dispatcher would only mark it, a transaction per 100 writes). An automation
   * added later fires from the next write on, as it would for any event dispatched before it existed.
   */
  settled(object: string, action: RecordAction, changes: Record<string, { from: unknown; to: unknown }>): boolean {
    return this.settledFields(object, action, Object.keys(changes));
  }

  /** settled() for a write that changes `fields`: whether an automation fires depends on the revision, the event and which fields changed, not their values. */
  private settledFields(object: string, action: RecordAction, fields: readonly string[]): boolean {
    const { set } = this.registry.current();
    let known = this.settledBySet.get(set);
    if (!known) this.settledBySet.set(set, known = new Map());
    const key = `${action}|${object}|${fields.join(',')}`;
    let settled = known.get(key);
    if (settled === undefined) {
      if (known.size >= 1_000) known.clear();
      const changes = Object.fromEntries(fields.map((f) => [f, { from: null, to: null }]));
      known.set(key, settled = automationsFiredBy({ type: EVENT_TYPE[action], object, payload: { changes } }, set).length === 0);
    }
    return settled;
  }

  /** Whether insert() is one statement for `obj` (no autonumber, stage or manyToMany work around the row). */
  insertIsOneStatement(obj: ObjectDef): boolean {
    return !Object.values(obj.fields).some((d) => d.type === 'autonumber' || d.type === 'stage' || (d.type === 'relation' && d.relationType === 'manyToMany'));
  }

  async insert(tx: Tx, obj: ObjectDef, values: Record<string, unknown>, actor: WriteActor, depth?: number): Promise<string> {
    return (await this.insertRow(tx, obj, values, actor, depth)).id;
  }

  /** insert() that also answers the caller's API record as JSON text, read back in the same statement when it can be. */
  insertReturning(tx: Tx, obj: ObjectDef, values: Record<string, unknown>, actor: WriteActor, readBack: ReadBack): Promise<{ id: string; version: number; record?: string | null }> {
    return this.insertRow(tx, obj, values, actor, undefined, readBack);
  }

  private async insertRow(tx: Tx, obj: ObjectDef, values: Record<string, unknown>, actor: WriteActor, depth: number | undefined, readBack?: ReadBack): Promise<{ id: string; version: number; record?: string | null }> {
    const moves = await this.stages.check(tx, this.registry.current().set, obj, null, null, values);
    const columns: string[] = ['id', 'owner', 'created_by', 'updated_by'];
    const params: unknown[] = [newRecordId(), values.owner ?? actor.id, actor.id, actor.id];
    for (const s of storedFields(obj)) {
      let v = values[s.field];
      if (s.def.type === 'autonumber') {
        const [{ n }] = await tx.query<{ n: number }>(`SELECT nextval($1::regclass)::bigint AS n`, [`${q('data')}.${q(sequenceName(obj.name, s.field))}`]);
        v = formatAutonumber(s.def.pattern, n);
      }
      if (v === undefined) continue;
      columns.push(s.column);
      params.push(columnValue(s.def, v));
    }
    const after = { ...values, owner: values.owner ?? actor.id };
    const changes = recordChanges({}, after, [...Object.keys(obj.fields), 'owner']);
    const event: WrittenEvent = { object: obj.name, action: 'create', changes, actor: actor.id, trackHistory: obj.trackHistory !== false, depth, settled: this.settled(obj.name, 'create', changes) };
    const slots = bindWritten(event, params);
    const rb = this.bindReadBack(obj, readBack, params);
    // every value is bound first; the text is built once per shape (column i is $i+1)
    const sql = this.texts.text(rb ?? obj, `insert|${columns.join(',')}|${event.settled}`, () =>
      `WITH "w" AS (INSERT INTO ${table(obj.name)} (${columns.map((c) => q(c)).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *)${writtenCtesText(event, slots)} ${finalSelect(rb)}`);
    const [row] = await tx.prepared<{ id: string; version: number; record?: string | null }>(sql, params);
    await this.writeManyToMany(tx, obj, row.id, values);
    await this.stages.record(tx, obj.name, row.id, moves, actor.id);
    return { id: row.id, version: row.version, record: row.record };
  }

  /**
   * The caller's read-back of the row a write statement's `"w"` wrote, its parameters bound; none when
   * none is asked for or something written after the statement (manyToMany links) would show in it.
   */
  private bindReadBack(obj: ObjectDef, readBack: ReadBack | undefined, params: unknown[]): ReturnType<ReadBack> | undefined {
    if (!readBack || manyToManyFields(obj).length) return undefined;
    const rb = readBack('w', params.length);
    params.push(...rb.params);
    return rb;
  }

  /** Optimistic lock: with `expectedVersion` a stale write is 412, never a lost update. */
  async update(tx: Tx, obj: ObjectDef, id: string, values: Record<string, unknown>, actor: WriteActor, opts: { expectedVersion?: number; depth?: number; before?: Record<string, unknown>; readBack?: ReadBack; /** the caller's transaction ends with this write */ last?: boolean } = {}): Promise<{ changes: Record<string, { from: unknown; to: unknown }>; version: number; before: Record<string, unknown>; record?: string | null }> {
    const before = opts.before ?? await lockRow(tx, obj, id);
    if (!before) throw notFound(`No ${obj.name} ${id}`);
    if (opts.expectedVersion !== undefined && before.version !== opts.expectedVersion) {
      throw new ProblemError('precondition_failed', `The record is at version ${before.version}, not ${opts.expectedVersion}; reload it and try again`, { currentVersion: before.version });
    }
    const changes = recordChanges(before, values, [...Object.keys(obj.fields), 'owner']);
    if (!Object.keys(changes).length) return { changes, version: before.version as number, before };
    await this.locks.assertWritable(tx, obj.name, id, Object.keys(changes), pendingApprovalOf(before));
    const moves = this.stages.stageFields(obj).some((f) => f in changes)
      ? await this.stages.check(tx, this.registry.current().set, obj, id, before, { ...before, ...values })
      : [];
    const sets = ['"version" = "version" + 1', '"updated_at" = now()', '"updated_by" = $2'];
    const params: unknown[] = [id, actor.id];
    if ('owner' in changes) {
      params.push(values.owner);
      sets.push(`"owner" = $${params.length}`);
    }
    for (const s of storedFields(obj)) {
      if (!(s.field in changes)) continue;
      params.push(columnValue(s.def, values[s.field]));
      sets.push(`${q(s.column)} = $${params.length}`);
    }
    const written = writtenCtes({ object: obj.name, action: 'update', changes, actor: actor.id, trackHistory: obj.trackHistory !== false, depth: opts.depth, settled: this.settled(obj.name, 'update', changes) }, params);
    // the last statement of the caller's transaction goes out with its COMMIT when nothing follows it here
    const last = opts.last && !moves.length && !manyToManyFields(obj).length;
    const [row] = await (last ? tx.preparedAndCommit.bind(tx) : tx.prepared.bind(tx))<{ version: number; record?: string | null }>(
      `WITH "w" AS (UPDATE ${table(obj.name)} SET ${sets.join(', ')} WHERE "id" = $1 RETURNING *)${written} ${finalSelect(this.bindReadBack(obj, opts.readBack, params))}`, params);
    await this.writeManyToMany(tx, obj, id, Object.fromEntries(Object.keys(changes).map((f) => [f, values[f]])), true);
    await this.stages.record(tx, obj.name, id, moves, actor.id);
    return { changes, version: row.version, before, record: row.record };
  }

  /**
   * update() as ONE statement, no transaction around it, for a PATCH that oneStatementUpdatable()
   * allows: the row is locked (FOR UPDATE), checked (not deleted, at `expectedVersion`, no pending
   * approval, inside the caller's update `scope`), compared column by column, updated only
   * when something differs, and its history row, outbox event and read-back go in the same
   * statement. `null` when it wrote nothing — missing, stale, locked, out of scope (perhaps shared)
   * or unchanged: the caller then
   * takes the ordinary path, which answers each of those as it always does.
   */
  async updateInOneStatement(obj: ObjectDef, id: string, values: Record<string, unknown>, actor: WriteActor, opts: { expectedVersion?: number; readBack?: ReadBack; /** the caller's update scope, compiled after `paramOffset` parameters (root alias t0) */ scope?: (paramOffset: number) => CompiledWhere } = {}): Promise<{ version: number; record?: string | null } | null> {
    const columns = columnsByField(obj);
    const fields = Object.keys(values).filter((f) => columns.has(f));
    if (!fields.length) return null;
    // every value is bound first, in the same order for the same shape; the text is built once per shape
    const params: unknown[] = [id, actor.id, obj.name];
    const version = opts.expectedVersion === undefined ? undefined : `$${params.push(opts.expectedVersion)}`;
    const scope = opts.scope?.(params.length);
    if (scope) params.push(...scope.params);
    const first = params.length + 1; // field i: its value, its name and its value as JSON at first + 3i, +1, +2
    for (const field of fields) {
      const value = values[field];
      const def = obj.fields[field];
      params.push(def ? columnValue(def, value) : value, field, JSON.stringify(value ?? null));
    }
    // settled as if every patched field changed: an automation that might fire keeps its event pending
    const event: WrittenEvent = { object: obj.name, action: 'update', changes: {}, actor: actor.id, trackHistory: obj.trackHistory !== false, settled: this.settledFields(obj.name, 'update', fields) };
    const slots = bindWritten(event, params, 'c');
    const readBack = this.bindReadBack(obj, opts.readBack, params);
    const build = () => {
      const where = ['t."id" = $1', 't."deleted_at" IS NULL',
        `NOT EXISTS (SELECT 1 FROM core.approval_request a WHERE a.object = $3 AND a.record_id = t."id" AND a.status = 'pending')`];
      if (version) where.push(`t."version" = ${version}`);
      if (scope) where.push(`EXISTS (SELECT 1 FROM ${scope.from} WHERE ${scope.where} AND "t0"."id" = t."id")`);
      const sets = ['"version" = t."version" + 1', '"updated_at" = now()', '"updated_by" = $2'];
      const differs: string[] = [];
      const items: string[] = [];
      fields.forEach((field, i) => {
        const column = q(columns.get(field)!);
        const [value, name, json] = [0, 1, 2].map((k) => `$${first + 3 * i + k}`);
        sets.push(`${column} = ${value}`);
        differs.push(`"old".${column} IS DISTINCT FROM ${value}`);
        // from: the stored value as lockRow reads it (to_jsonb); to: the value written, as the API gave it
        items.push(`(${name}::text, CASE WHEN "old".${column} IS DISTINCT FROM "w".${column} THEN jsonb_build_object('from', to_jsonb("old".${column}), 'to', ${json}::jsonb) END)`);
      });
      const changes = `COALESCE((SELECT jsonb_object_agg(x.k, x.v) FROM (VALUES ${items.join(', ')}) AS x(k, v) WHERE x.v IS NOT NULL), '{}'::jsonb)`;
      return `WITH "old" AS (SELECT t.* FROM ${table(obj.name)} t WHERE ${where.join(' AND ')} FOR UPDATE),
        "w" AS (UPDATE ${table(obj.name)} AS t SET ${sets.join(', ')} FROM "old" WHERE t."id" = "old"."id" AND (${differs.join(' OR ')}) RETURNING t.*),
        "c" AS (SELECT "w"."id", "w"."version", ${changes} AS "changes" FROM "w", "old")${writtenCtesText(event, slots, 'c')}
       SELECT "c"."version"${readBack ? `, ${recordText(readBack)}` : ''} FROM "c"`;
    };
    // a scope's compiled text is the caller's own: only unscoped statements are kept by shape
    const sql = scope ? build() : this.texts.text(readBack ?? obj, `update1|${fields.join(',')}|${version !== undefined}|${event.settled}`, build);
    const [row] = await this.db.prepared<{ version: number; record?: string | null }>(sql, params);
    return row ?? null;
  }

  async softDelete(tx: Tx, obj: ObjectDef, id: string, actor: WriteActor, expectedVersion?: number): Promise<void> {
    const before = await lockRow(tx, obj, id);
    if (!before) throw notFound(`No ${obj.name} ${id}`);
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw new ProblemError('precondition_failed', `The record is at version ${before.version}, not ${expectedVersion}`);
    await this.locks.assertDeletable(tx, obj.name, id, pendingApprovalOf(before));
    const [row] = await tx.query<{ version: number }>(`UPDATE ${table(obj.name)} SET "deleted_at" = now(), "version" = "version" + 1, "updated_by" = $2, "updated_at" = now() WHERE "id" = $1 RETURNING "version"`, [id, actor.id]);
    await recordWritten(tx, { object: obj.name, recordId: id, version: row.version, action: 'delete', changes: {}, actor: actor.id, trackHistory: true, settled: this.settled(obj.name, 'delete', {}) });
  }

  async restore(tx: Tx, obj: ObjectDef, id: string, actor: WriteActor): Promise<void> {
    const before = await lockRow(tx, obj, id, { deleted: true });
    if (!before) throw notFound(`No deleted ${obj.name} ${id}`);
    const rows = await tx.query<{ version: number }>(`UPDATE ${table(obj.name)} SET "deleted_at" = NULL, "version" = "version" + 1, "updated_by" = $2, "updated_at" = now() WHERE "id" = $1 RETURNING "version"`, [id, actor.id])
      .catch((e: unknown) => {
        if (e instanceof ProblemError && e.status === 409) throw conflict('Restoring would duplicate a unique value held by another record', { errors: e.body.errors });
        throw e;
      });
    await recordWritten(tx, { object: obj.name, recordId: id, version: rows[0].version, action: 'restore', changes: {}, actor: actor.id, trackHistory: true, settled: this.settled(obj.name, 'restore', {}) });
  }

  private async writeManyToMany(tx: Tx, obj: ObjectDef, id: string, values: Record<string, unknown>, replace = false): Promise<void> {
    for (const m of manyToManyFields(obj)) {
      const ids = values[m.field];
      if (!Array.isArray(ids)) continue;
      const jt = table(joinTableName(obj.name, m.field));
      const { source, target } = JOIN_TABLE_COLUMNS;
      if (replace) await tx.query(`DELETE FROM ${jt} WHERE ${q(source)} = $1`, [id]);
      if (ids.length) await tx.query(`INSERT INTO ${jt} (${q(source)}, ${q(target)}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, ids]);
    }
  }
}

/** The last SELECT of a write statement: the row's id and version, and its API record when there is a read-back. */
function finalSelect(readBack: ReturnType<ReadBack> | undefined): string {
  return readBack ? `SELECT "w"."id", "w"."version", ${recordText(readBack)} FROM "w"` : 'SELECT "id", "version" FROM "w"';
}

/** The read-back record as its JSON text (the driver would parse a json column; the API answers the text: WrittenRecord). */
const recordText = (readBack: ReturnType<ReadBack>) => `(${readBack.sql})::text AS "record"`;
