import type { Tx } from '../../database/db.js';

export type RecordAction = 'create' | 'update' | 'delete' | 'restore' | 'merge';

/** History row and outbox event of one record write, in the caller's transaction. */
export async function recordWritten(tx: Tx, e: {
  object: string; recordId: string; version: number; action: RecordAction;
  changes: Record<string, { from: unknown; to: unknown }>; actor: string | null; trackHistory: boolean; depth?: number;
}): Promise<void> {
  if (e.trackHistory || e.action !== 'update') {
    await tx.prepared(
      `INSERT INTO core.record_history (object, record_id, version, action, changes, actor) VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.object, e.recordId, e.version, e.action, JSON.stringify(e.changes), e.actor],
    );
  }
  const type = { create: 'record.created', update: 'record.updated', delete: 'record.deleted', restore: 'record.restored', merge: 'record.merged' }[e.action];
  await tx.prepared(
    `INSERT INTO core.outbox (type, object, record_id, payload, actor, depth) VALUES ($1, $2, $3, $4, $5, $6)`,
    [type, e.object, e.recordId, JSON.stringify({ version: e.version, changes: e.changes }), e.actor, e.depth ?? 0],
  );
}
