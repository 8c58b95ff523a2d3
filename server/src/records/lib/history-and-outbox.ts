import type { Tx } from '../../database/db.js';
import { writeChainDepth } from './write-chain.js';

export type RecordAction = 'create' | 'update' | 'delete' | 'restore' | 'merge';

export interface WrittenEvent {
  object: string; action: RecordAction;
  changes: Record<string, { from: unknown; to: unknown }>; actor: string | null; trackHistory: boolean; depth?: number;
  /** No automation fires on the event (RecordWriter.settled): it is written already dispatched, so the dispatcher never handles it. */
  settled?: boolean;
}

export const EVENT_TYPE: Record<RecordAction, string> = {
  create: 'record.created', update: 'record.updated', delete: 'record.deleted', restore: 'record.restored', merge: 'record.merged',
};

/**
 * The history row and outbox event of the row that the CTE `"w"` wrote (it yields `id` and `version`),
 * as CTEs to append to that statement: the write, its history and its event are one round trip.
 * `fromCte`: read id, version AND `changes` (jsonb) from that CTE instead, when the statement itself
 * works the changes out (RecordWriter.updateInOneStatement); `e.changes` is then not used.
 * The event's depth is the caller's, else the write chain's (a plugin hook run by an automation write).
 * `params` is the statement's parameter list; values are appended to it and bound, never inlined.
 */
export function writtenCtes(e: WrittenEvent, params: unknown[], fromCte?: 'c'): string {
  const bind = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const source = fromCte ? `"${fromCte}"` : '"w"';
  const object = bind(e.object);
  const changes = fromCte ? `${source}."changes"` : `${bind(JSON.stringify(e.changes))}::jsonb`;
  const actor = bind(e.actor);
  const history = e.trackHistory || e.action !== 'update'
    ? `, "h" AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor)
        SELECT ${object}::text, ${source}."id", ${source}."version", ${bind(e.action)}::text, ${changes}, ${actor}::uuid FROM ${source})`
    : '';
  const settled = e.settled ? ', dispatched_at' : '';
  return `${history}, "o" AS (INSERT INTO core.outbox (type, object, record_id, payload, actor, depth${settled})
      SELECT ${bind(EVENT_TYPE[e.action])}::text, ${object}::text, ${source}."id", jsonb_build_object('version', ${source}."version", 'changes', ${changes}), ${actor}::uuid, ${bind(e.depth ?? writeChainDepth())}::smallint${settled && ', now()'} FROM ${source})`;
}

/** History row and outbox event of one record write already made, in the caller's transaction (one statement). */
export async function recordWritten(tx: Tx, e: WrittenEvent & { recordId: string; version: number }): Promise<void> {
  const params: unknown[] = [e.recordId, e.version];
  const ctes = writtenCtes(e, params);
  await tx.prepared(`WITH "w" AS (SELECT $1::uuid AS "id", $2::integer AS "version")${ctes} SELECT 1`, params);
}
