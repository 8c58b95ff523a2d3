import { JOIN_TABLE_COLUMNS, joinTableName, type RelationFieldDef } from '@loom/metadata';
import type { CompileState } from '../plan/compile-state.js';
import { DATA_SCHEMA, Source } from '../plan/source.js';
import { whereList } from '../sql/boolean.js';
import { quoteQualified } from '../sql/quote-ident.js';

/** The live targets of one record's manyToMany field: the FROM and WHERE of a subquery over them. */
export interface LinkedTargets {
  /** The target rows (add joins to it before calling `fromSql`). */
  target: Source;
  /** `"data"."tag" AS "e1" … JOIN "data"."opportunity__tags" AS "m1" ON …`. */
  fromSql(): string;
  /** Link to the owner row, target not soft-deleted, target scope when `scoped`. */
  where: string[];
}

/**
 * Targets linked through the join table `data."<object>__<field>"(source_id, target_id)`.
 * Soft-deleted targets (and, when `scoped`, targets outside the caller's read scope) are not
 * linked, for values, filters and expands alike.
 */
export function linkedTargets(
  state: CompileState, scoped: boolean, ownerAlias: string, object: string, field: string, def: RelationFieldDef,
): LinkedTargets {
  const target = new Source(def.target, state.aliases.next('e'), scoped);
  const link = state.aliases.next('m');
  const where = [
    `${quoteQualified(link, JOIN_TABLE_COLUMNS.source)} = ${quoteQualified(ownerAlias, 'id')}`,
    `${quoteQualified(target.alias, 'deleted_at')} IS NULL`,
  ];
  const scope = scoped ? state.access.scopeFor?.(def.target) : undefined;
  if (scope) where.push(state.compileCondition(scope, target));
  const linkTable = quoteQualified(DATA_SCHEMA, joinTableName(object, field));
  return {
    target,
    where,
    fromSql: () =>
      `${target.fromSql()} JOIN ${linkTable} AS ${quoteQualified(link)} ON ${quoteQualified(link, JOIN_TABLE_COLUMNS.target)} = ${quoteQualified(target.alias, 'id')}`,
  };
}

/** The field's value: the ids of its live targets, as a uuid[] in id order. */
export function manyToManyIds(
  state: CompileState, scoped: boolean, ownerAlias: string, object: string, field: string, def: RelationFieldDef,
): string {
  const rows = linkedTargets(state, scoped, ownerAlias, object, field, def);
  const id = quoteQualified(rows.target.alias, 'id');
  return `ARRAY(SELECT ${id} FROM ${rows.fromSql()} WHERE ${whereList(rows.where)} ORDER BY ${id})`;
}

/** `EXISTS (…)` over the live targets, with an extra condition on the target id. */
export function existsLinked(
  state: CompileState, scoped: boolean, ownerAlias: string, object: string, field: string, def: RelationFieldDef,
  targetCondition?: (targetId: string) => string,
): string {
  const rows = linkedTargets(state, scoped, ownerAlias, object, field, def);
  const extra = targetCondition ? [targetCondition(quoteQualified(rows.target.alias, 'id'))] : [];
  return `EXISTS (SELECT 1 FROM ${rows.fromSql()} WHERE ${whereList([...rows.where, ...extra])})`;
}
