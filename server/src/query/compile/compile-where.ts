import type { ConditionNode, MetadataSet } from '@loom/metadata';
import type { CompileState, ReadAccess } from '../plan/compile-state.js';
import { ROOT_ALIAS } from '../plan/aliases.js';
import { Source } from '../plan/source.js';
import type { QueryContext } from '../query-context.js';
import { whereList } from '../sql/boolean.js';
import { quoteQualified } from '../sql/quote-ident.js';
import { compileCondition } from './compile-condition.js';
import { createCompileState } from './compile-state.js';

/** The rows a read may see: live (or, for the bin, deleted), in scope, matching the filter. */
export interface RowFilter {
  filter?: ConditionNode;
  /** The caller's read scope on the object, ANDed (DESIGN.md §2 roles). */
  scope?: ConditionNode;
  /** The bin: deleted rows instead of live ones. */
  deleted?: boolean;
}

/** The WHERE conditions of a RowFilter over `source`, in order: deleted_at, scope, filter. */
export function rowFilterConditions(state: CompileState, source: Source, rows: RowFilter): string[] {
  const deletedAt = quoteQualified(source.alias, 'deleted_at');
  return [
    rows.deleted ? `${deletedAt} IS NOT NULL` : `${deletedAt} IS NULL`,
    rows.scope ? compileCondition(rows.scope, source, state) : 'TRUE',
    rows.filter ? compileCondition(rows.filter, source, state) : 'TRUE',
  ];
}

export interface WhereOptions extends RowFilter {
  object: string;
  set: MetadataSet;
  ctx: QueryContext;
  access?: ReadAccess;
  /** Placeholders numbered after this many parameters of the statement it goes into. */
  paramOffset?: number;
}

/** FROM (with the joins dotted paths need) and WHERE of a row filter, for statements built elsewhere (bulk update, export). */
export interface CompiledWhere {
  /** `"data"."opportunity" AS "t0" LEFT JOIN …` (root alias `t0`). */
  from: string;
  where: string;
  params: unknown[];
}

/**
 * @example compileWhere({ object: 'opportunity', set, ctx, filter })
 *   // { from: '"data"."opportunity" AS "t0"', where: '"t0"."deleted_at" IS NULL AND "t0"."amount" >= $1', params: [100] }
 */
export function compileWhere(options: WhereOptions): CompiledWhere {
  const state = createCompileState(options.set, options.ctx, options.access, options.paramOffset);
  const source = new Source(options.object, ROOT_ALIAS, true);
  const where = whereList(rowFilterConditions(state, source, options));
  return { from: source.fromSql(), where, params: state.params.values };
}
