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
 * The event's depth is the caller's, else the write chain's (a plugin hook run by an automation write).
 * `params` is the statement's parameter list; values are appended to it and bound, never inlined.
 */
export function writtenCtes(e: WrittenEvent, params: unknown[]): string {
  const bind = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const object = bind(e.object);
  const changes = bind(JSON.stringify(e.changes));
  const actor = bind(e.actor);
  const history = e.trackHistory || e.action !== 'update'
    ? `, "h" AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor)
        SELECT ${object}::text, "w"."id", "w"."version", ${bind(e.action)}::text, ${changes}::jsonb, ${actor}::uuid FROM "w")`
    : '';
  const settled = e.settled ? ', dispatched_at' : '';
  return `${history}, "o" AS (INSERT INTO core.outbox (type, object, record_id, payload, actor, depth${settled})
      SELECT ${bind(EVENT_TYPE[e.action])}::text, ${object}::text, "w"."id", jsonb_build_object('version', "w"."version", 'changes', ${changes}::jsonb), ${actor}::uuid, ${bind(e.depth ?? writeChainDepth())}::smallint${settled && ', now()'} FROM "w")`;
}

/** History row and outbox event of one record write already made, in the caller's transaction (one statement). */
export async function recordWritten(tx: Tx, e: WrittenEvent & { recordId: string; version: number }): Promise<void> {
  const params: unknown[] = [e.recordId, e.version];
  const ctes = writtenCtes(e, params);
  await tx.prepared(`WITH "w" AS (SELECT $1::uuid AS "id", $2::integer AS "version")${ctes} SELECT 1`, params);
}
