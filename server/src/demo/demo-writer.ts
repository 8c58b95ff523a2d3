import type { ObjectDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { quoteIdent as q } from '../query/index.js';
import { formatAutonumber } from '../records/lib/format-autonumber.js';
import { recordChanges } from '../records/lib/record-changes.js';
import { columnValue, storedFields } from '../records/lib/stored-fields.js';
import { sequenceName } from '../schema-migrator/ddl.js';
import type { DemoRow, DemoStageMove } from './generate/demo-types.js';

const BATCH = 1000;
const table = (object: string) => `${q('data')}.${q(object)}`;

/**
 * The demo's fast path: rows already passed the one validator (DemoLoader), and are written many
 * at a time — `json_populate_recordset` into the object's table, a `create` row per record in
 * core.record_history and the stage moves in core.stage_history, at the generated instants. No outbox
 * events: loading a demo must not send birthday greetings or webhooks.
 */
export class DemoWriter {
  constructor(private readonly tx: Tx) {}

  async insertRecords(obj: ObjectDef, rows: DemoRow[], values: Record<string, unknown>[], progress: (done: number) => void): Promise<void> {
    const stored = storedFields(obj).filter((s) => !s.def.archived);
    const columns = ['id', 'owner', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', ...stored.map((s) => s.column)];
    const list = columns.map(q).join(', ');
    const tracked = [...Object.keys(obj.fields), 'owner'];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const numbers = await this.autonumbers(obj, batch.length);
      const records = batch.map((row, i) => {
        const record: Record<string, unknown> = {
          id: row.id, owner: row.owner, created_at: row.createdAt.toISOString(), updated_at: (row.updatedAt ?? row.createdAt).toISOString(),
          created_by: row.owner, updated_by: row.owner, version: 1,
        };
        for (const s of stored) {
          const v = s.def.type === 'autonumber' ? formatAutonumber(s.def.pattern, numbers.get(s.field)![i]!, row.createdAt) : values[start + i]![s.field];
          if (v !== undefined) record[s.column] = columnValue(s.def, v);
        }
        return record;
      });
      await this.tx.query(`INSERT INTO ${table(obj.name)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table(obj.name)}, $1::json)`, [JSON.stringify(records)]);
      const history = batch.map((row, i) => ({ id: row.id, at: row.createdAt.toISOString(), actor: row.owner, changes: recordChanges({}, { ...values[start + i], owner: row.owner }, tracked) }));
      await this.tx.query(`INSERT INTO core.record_history (object, record_id, version, action, changes, actor, at)
        SELECT $1, x.id, 1, 'create', x.changes, x.actor, x.at FROM json_to_recordset($2::json) AS x(id uuid, changes jsonb, actor uuid, at timestamptz)`,
      [obj.name, JSON.stringify(history)]);
      progress(start + batch.length);
    }
  }

  /** Stage moves with the seconds spent in the previous stage, as the write path computes them. */
  async insertStageMoves(object: string, pipeline: string, moves: DemoStageMove[]): Promise<void> {
    const last = new Map<string, Date>();
    const rows = moves.map((m) => {
      const previous = last.get(m.recordId);
      last.set(m.recordId, m.at);
      return { record_id: m.recordId, from_stage: m.from, to_stage: m.to, at: m.at.toISOString(), by: m.by, seconds: m.from && previous ? Math.round((m.at.getTime() - previous.getTime()) / 1000) : null };
    });
    for (let start = 0; start < rows.length; start += 5 * BATCH) {
      await this.tx.query(`INSERT INTO core.stage_history (object, record_id, pipeline, from_stage, to_stage, at, by, seconds_in_previous)
        SELECT $1, x.record_id, $2, x.from_stage, x.to_stage, x.at, x.by, x.seconds
        FROM json_to_recordset($3::json) AS x(record_id uuid, from_stage text, to_stage text, at timestamptz, by uuid, seconds bigint)`,
      [object, pipeline, JSON.stringify(rows.slice(start, start + 5 * BATCH))]);
    }
  }

  /** `count` numbers from each autonumber field's sequence, in one round trip per field. */
  private async autonumbers(obj: ObjectDef, count: number): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const s of storedFields(obj).filter((f) => f.def.type === 'autonumber' && !f.def.archived)) {
      const rows = await this.tx.query<{ n: number }>(`SELECT nextval($1::regclass)::bigint AS n FROM generate_series(1, $2)`, [`${table(obj.name).split('.')[0]}.${q(sequenceName(obj.name, s.field))}`, count]);
      out.set(s.field, rows.map((r) => Number(r.n)));
    }
    return out;
  }
}
