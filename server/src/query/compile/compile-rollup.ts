import { columnName, findField, isManyToOne, parseCondition, resolveFieldPath, type RollupFieldDef } from '@loom/metadata';
import type { CompileState } from '../plan/compile-state.js';
import { Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { whereList } from '../sql/boolean.js';
import { quoteQualified } from '../sql/quote-ident.js';
import { fieldExpr } from './field-expression.js';

/**
 * A rollup → a correlated subquery over the live child rows pointing at this record:
 * `(SELECT sum("r1"."amount") FROM "data"."opportunity" AS "r1" WHERE "r1"."account_id" = "t0"."id"
 *   AND "r1"."deleted_at" IS NULL [AND filter])`; count is `COALESCE(…, 0)`. The rollup is a value
 * of the parent record, so the caller's scope on the children does not apply (field access does).
 */
export function compileRollup(state: CompileState, ownerAlias: string, object: string, name: string, def: RollupFieldDef): string {
  const where = `rollup ${object}.${name}`;
  const relation = findField(state.set, def.object, def.relation);
  if (!isManyToOne(relation) || relation.target !== object) {
    throw QueryError.unprocessable('', `${where}: "${def.relation}" is not a manyToOne relation from ${def.object} to ${object}`);
  }
  const rows = new Source(def.object, state.aliases.next('r'), false);
  const aggregate = def.fn === 'count' ? 'count(*)' : `${def.fn}(${aggregatedField(state, rows, def, where)})`;
  const conditions = [
    `${quoteQualified(rows.alias, columnName(def.relation, relation)!)} = ${quoteQualified(ownerAlias, 'id')}`,
    `${quoteQualified(rows.alias, 'deleted_at')} IS NULL`,
  ];
  if (def.filter) {
    const parsed = parseCondition(def.filter, { object: def.object, set: state.set });
    if (!parsed.ast) throw QueryError.unprocessable('', `${where}: filter ${parsed.errors[0]?.path ?? ''} ${parsed.errors[0]?.message ?? ''}`);
    conditions.push(state.compileCondition(parsed.ast, rows));
  }
  const sql = `(SELECT ${aggregate} FROM ${rows.fromSql()} WHERE ${whereList(conditions)})`;
  return def.fn === 'count' ? `COALESCE(${sql}, 0)` : sql;
}

function aggregatedField(state: CompileState, rows: Source, def: RollupFieldDef, where: string): string {
  if (!def.field) throw QueryError.unprocessable('', `${where}: ${def.fn} needs a field`);
  const res = resolveFieldPath(state.set, def.object, def.field.split('.'));
  if (res.error) throw QueryError.unprocessable('', `${where}: ${res.error.message}`);
  return fieldExpr(state, rows, res.field).sql;
}
