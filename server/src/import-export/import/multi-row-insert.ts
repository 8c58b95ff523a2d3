import type { ObjectDef } from '@loom/metadata';
import type { Tx } from '../../database/db.js';
import { quoteIdent as q } from '../../query/index.js';
import { formatAutonumber } from '../../records/lib/format-autonumber.js';
import { newRecordId } from '../../records/lib/record-id.js';
import { recordChanges } from '../../records/lib/record-changes.js';
import { columnValue, manyToManyFields, storedFields } from '../../records/lib/stored-fields.js';
import { sequenceName } from '../../schema-migrator/ddl.js';

const table = (object: string) => `${q('data')}.${q(object)}`;

/**
 * Whether creates of `obj` may be written many rows per statement: only when RecordWriter.insert
 * would do nothing per row beyond the row, its history and its outbox event — no stage field (stage
 * rules, stage history), no manyToMany links — and the caller's create scope is every record.
 */
export function canInsertMany(obj: ObjectDef, createScopeIsAll: boolean): boolean {
  const staged = Object.values(obj.fields).some((d) => d.type === 'stage' && !d.archived);
  return createScopeIsAll && !staged && manyToManyFields(obj).length === 0;
}

/**
 * RecordWriter.insert for many validated rows in one statement: the rows (ids made here, columns
 * as RecordWriter binds them, autonumbers from the field's sequence), one `create` history row each
 * and one `record.created` outbox event each, with the same changes and payload as a single create.
 * `dispatched`: the events are written already dispatched, for when no automation fires on them (the
 * dispatcher would only mark them). Any refusal (a unique value) fails the statement; the caller then
 * writes the rows one by one.
 */
export async function insertMany(tx: Tx, obj: ObjectDef, rows: Record<string, unknown>[], actor: string, opts: { dispatched?: boolean } = {}): Promise<string[]> {
  if (!rows.length) return [];
  const stored = storedFields(obj);
  const numbers = new Map<string, number[]>();
  for (const s of stored.filter((f) => f.def.type === 'autonumber')) {
    const seq = `${q('data')}.${q(sequenceName(obj.name, s.field))}`;
    numbers.set(s.field, (await tx.query<{ n: number }>(`SELECT nextval($1::regclass)::bigint AS n FROM generate_series(1, $2)`, [seq, rows.length])).map((r) => Number(r.n)));
  }
  const now = new Date();
  const ids = rows.map(() => newRecordId());
  const written = rows.map((values, i) => {
    const record: Record<string, unknown> = { id: ids[i], owner: values.owner ?? actor, created_by: actor, updated_by: actor };
    for (const s of stored) {
      const v = s.def.type === 'autonumber' ? formatAutonumber(s.def.pattern, numbers.get(s.field)![i]!, now) : values[s.field];
      if (v !== undefined) record[s.column] = columnValue(s.def, v);
    }
    return record;
  });
  const columns = ['id', 'owner', 'created_by', 'updated_by', ...stored.map((s) => s.column)].map(q).join(', ');
  const tracked = [...Object.keys(obj.fields), 'owner'];
  const events = rows.map((values, i) => ({ id: ids[i], changes: recordChanges({}, { ...values, owner: values.owner ?? actor }, tracked) }));
  // one round trip: the rows, then their history rows and outbox events from the same parsed changes
  await tx.query(`WITH inserted AS (INSERT INTO ${table(obj.name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table(obj.name)}, $1::json)),
      e AS (SELECT x.id, x.changes FROM json_to_recordset($2::json) AS x(id uuid, changes jsonb)),
      history AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor) SELECT $3, e.id, 1, 'create', e.changes, $4::uuid FROM e)
    INSERT INTO core.outbox (type, object, record_id, payload, actor, depth, dispatched_at)
    SELECT 'record.created', $3, e.id, jsonb_build_object('version', 1, 'changes', e.changes), $4::uuid, 0, CASE WHEN $5::boolean THEN now() END FROM e`,
  [JSON.stringify(written), JSON.stringify(events), obj.name, actor, opts.dispatched === true]);
  return ids;
}
