import { columnName, findObject, isSystemField, type ConditionNode, type MetadataSet } from '@loom/metadata';
import { compileWhere, quoteIdent, quoteQualified, type QueryContext, type ReadAccess } from '../../query/index.js';
import { QueryError } from '../../query/query-error.js';
import type { StatementParams } from './statement-params.js';

export interface ScopedRowsOptions {
  object: string;
  set: MetadataSet;
  ctx: QueryContext;
  access: ReadAccess;
  /** Output name → field (a stored field or a system column such as `owner`, `created_at`). */
  columns: Record<string, string>;
  /** Narrows the rows further (a pipeline's record type), ANDed after the caller's scope. */
  filter?: ConditionNode;
}

/** The column holding `field` on `object`, or a 422 when the field has none (formula, rollup, oneToMany). */
export function storedColumn(set: MetadataSet, object: string, field: string): string {
  if (isSystemField(field)) return field;
  const def = findObject(set, object)?.fields[field];
  const column = def && !def.archived ? columnName(field, def) : undefined;
  if (!column) throw QueryError.unprocessable(`/${object}/${field}`, `${object}.${field} is not a stored field, so it cannot be analysed`);
  return column;
}

/**
 * `SELECT "t0".<column> AS <name>, … FROM … WHERE …`: the live rows of `object` the caller may read,
 * through the query compiler's compileWhere with the caller's scope (SECURITY.md 1). Used as a CTE by
 * every analytics statement; hidden fields are refused before this is called.
 * @example scopedRowsSql({ object: 'opportunity', set, ctx, access, columns: { id: 'id', amount: 'amount' } }, params)
 *   // 'SELECT "t0"."id" AS "id", "t0"."amount" AS "amount" FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NULL AND …'
 */
export function scopedRowsSql(options: ScopedRowsOptions, params: StatementParams): string {
  const { object, set, ctx, access } = options;
  const select = Object.entries(options.columns)
    .map(([name, field]) => `${quoteQualified('t0', storedColumn(set, object, field))} AS ${quoteIdent(name)}`);
  const compiled = compileWhere({ object, set, ctx, access, scope: access.scopeFor?.(object), filter: options.filter });
  return `SELECT ${select.join(', ')} FROM ${params.embed(`${compiled.from} WHERE ${compiled.where}`, compiled.params)}`;
}
