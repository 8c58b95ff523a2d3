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

/** The placeholders of an event's values in its statement (bindWritten). */
export interface WrittenSlots { object: string; changes?: string; actor: string; action?: string; type: string; depth: string }

const writesHistory = (e: WrittenEvent) => e.trackHistory || e.action !== 'update';

/**
 * Appends the values of the history row and outbox event to the statement's `params` — in the same
 * order for the same event shape (action, trackHistory, fromCte), so a statement text kept by shape
 * (StatementTexts) still numbers them right — and returns their placeholders. Values are bound, never inlined.
 * The event's depth is the caller's, else the write chain's (a plugin hook run by an automation write).
 */
export function bindWritten(e: WrittenEvent, params: unknown[], fromCte?: 'c'): WrittenSlots {
  const bind = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const object = bind(e.object);
  const changes = fromCte ? undefined : bind(JSON.stringify(e.changes));
  const actor = bind(e.actor);
  const action = writesHistory(e) ? bind(e.action) : undefined;
  return { object, changes, actor, action, type: bind(EVENT_TYPE[e.action]), depth: bind(e.depth ?? writeChainDepth()) };
}

/**
 * The history row and outbox event of the row that the CTE `"w"` wrote (it yields `id` and `version`),
 * as CTEs to append to that statement: the write, its history and its event are one round trip.
 * `fromCte`: read id, version AND `changes` (jsonb) from that CTE instead, when the statement itself
 * works the changes out (RecordWriter.updateInOneStatement); `e.changes` is then not used.
 */
export function writtenCtesText(e: WrittenEvent, slots: WrittenSlots, fromCte?: 'c'): string {
  const source = fromCte ? `"${fromCte}"` : '"w"';
  const changes = slots.changes ? `${slots.changes}::jsonb` : `${source}."changes"`;
  const history = writesHistory(e)
    ? `, "h" AS (INSERT INTO core.record_history (object, record_id, version, action, changes, actor)
        SELECT ${slots.object}::text, ${source}."id", ${source}."version", ${slots.action}::text, ${changes}, ${slots.actor}::uuid FROM ${source})`
    : '';
  const settled = e.settled ? ', dispatched_at' : '';
  return `${history}, "o" AS (INSERT INTO core.outbox (type, object, record_id, payload, actor, depth${settled})
      SELECT ${slots.type}::text, ${slots.object}::text, ${source}."id", jsonb_build_object('version', ${source}."version", 'changes', ${changes}), ${slots.actor}::uuid, ${slots.depth}::smallint${settled && ', now()'} FROM ${source})`;
}

/** bindWritten and writtenCtesText at once. `params` is the statement's parameter list. */
export function writtenCtes(e: WrittenEvent, params: unknown[], fromCte?: 'c'): string {
  return writtenCtesText(e, bindWritten(e, params, fromCte), fromCte);
}

/** History row and outbox event of one record write already made, in the caller's transaction (one statement). */
export async function recordWritten(tx: Tx, e: WrittenEvent & { recordId: string; version: number }): Promise<void> {
  const params: unknown[] = [e.recordId, e.version];
  const ctes = writtenCtes(e, params);
  await tx.prepared(`WITH "w" AS (SELECT $1::uuid AS "id", $2::integer AS "version")${ctes} SELECT 1`, params);
}
