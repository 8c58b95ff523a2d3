import type { CompareOp, RelationFieldDef, ResolvedField } from '@loom/metadata';
import type { CompileState } from '../../plan/compile-state.js';
import type { Source } from '../../plan/source.js';
import { QueryError } from '../../query-error.js';
import { notTrue } from '../../sql/boolean.js';
import { bindArray, bindList, bindScalar } from '../bind-value.js';
import { existsLinked, linkedTargets } from '../many-to-many.js';
import { whereList } from '../../sql/boolean.js';
import { quoteQualified } from '../../sql/quote-ident.js';

/**
 * Literal comparisons on a manyToMany field, as subqueries over its join table (the value is
 * the set of live target ids, never null): `contains`/`in` → EXISTS, `nin`/`empty` → NOT EXISTS,
 * `eq` → every linked id is listed and as many distinct ids are linked as listed.
 */
export function compareManyToMany(
  state: CompileState, source: Source, field: ResolvedField, op: CompareOp, value: unknown,
): string {
  const def = field.def as RelationFieldDef;
  const alias = source.aliasOf(state, field.joins);
  const exists = (targetCondition?: (id: string) => string) =>
    existsLinked(state, source.scoped, alias, field.object, field.name, def, targetCondition);
  switch (op) {
    case 'eq': case 'ne': {
      const same = value === null ? 'FALSE' : sameSet(state, source, alias, field, def, value as unknown[]);
      return op === 'eq' ? same : notTrue(same);
    }
    case 'in': {
      const list = bindList(state.params, 'ids', value as unknown[]);
      return exists((id) => `${id} = ANY(${list})`);
    }
    case 'nin': {
      const list = bindList(state.params, 'ids', value as unknown[]);
      return `NOT ${exists((id) => `${id} = ANY(${list})`)}`;
    }
    case 'contains': {
      const p = bindScalar(state.params, 'ids', value);
      return p === undefined ? 'FALSE' : exists((id) => `${id} = ${p}`);
    }
    case 'exists':
      return value === true ? 'TRUE' : 'FALSE';
    case 'empty':
      return value === true ? `NOT ${exists()}` : exists();
    default:
      throw QueryError.badRequest('', `$${op} does not apply to the manyToMany field "${field.name}"`);
  }
}

function sameSet(
  state: CompileState, source: Source, alias: string, field: ResolvedField, def: RelationFieldDef, ids: unknown[],
): string {
  if (ids.length === 0) return `NOT ${existsLinked(state, source.scoped, alias, field.object, field.name, def)}`;
  const p = bindArray(state.params, 'ids', ids);
  if (p === undefined) return 'FALSE';
  const rows = linkedTargets(state, source.scoped, alias, field.object, field.name, def);
  const id = quoteQualified(rows.target.alias, 'id');
  return `(SELECT COALESCE(bool_and(${id} = ANY(${p})), FALSE) AND count(DISTINCT ${id}) = cardinality(${p}) FROM ${rows.fromSql()} WHERE ${whereList(rows.where)})`;
}
