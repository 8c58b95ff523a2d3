import type { ConditionNode, MetadataSet } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { compileWhere, type QueryContext } from '../query/index.js';
import { isNever } from './permission-types.js';

export interface RowScopeQuery {
  object: string;
  id: string;
  set: MetadataSet;
  ctx: QueryContext;
  scope: ConditionNode | undefined;
  /** The bin (restore) instead of live rows. */
  deleted?: boolean;
  /** Lock the row when it is in scope (update/delete check the row they will write). */
  lock?: boolean;
}

/**
 * Whether one row is inside a scope, decided in SQL by the one query compiler (so scopes that read
 * joined fields or formulas mean exactly what they mean on reads). Joins are not scoped again:
 * a write scope is the role's own rule.
 */
export function rowInScopeSql(q: RowScopeQuery): { sql: string; params: unknown[] } {
  const { from, where, params } = compileWhere({ object: q.object, set: q.set, ctx: q.ctx, scope: q.scope, deleted: q.deleted });
  const sql = `SELECT 1 AS "ok" FROM ${from} WHERE ${where} AND "t0"."id" = $${params.length + 1}${q.lock ? ' FOR UPDATE OF "t0"' : ''}`;
  return { sql, params: [...params, q.id] };
}

export async function rowInScope(tx: Pick<Tx, 'prepared'>, q: RowScopeQuery): Promise<boolean> {
  if (isNever(q.scope)) return false;
  const { sql, params } = rowInScopeSql(q);
  return (await tx.prepared(sql, params)).length > 0;
}
