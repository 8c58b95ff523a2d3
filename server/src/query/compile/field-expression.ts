import { columnName, fieldValueKind, type ResolvedField, type ValueKind } from '@loom/metadata';
import type { CompileState } from '../plan/compile-state.js';
import type { Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { quoteQualified } from '../sql/quote-ident.js';
import { compileFormulaField } from './compile-formula.js';
import { compileRollup } from './compile-rollup.js';
import { manyToManyIds } from './many-to-many.js';

/** A field as an SQL expression, with the kind of value it holds. */
export interface Expr {
  sql: string;
  kind: ValueKind;
}

/**
 * The field resolver: any field — stored, system, formula, rollup, manyToMany — reached from
 * `source` (through the manyToOne joins of a dotted path) as one SQL value expression. Every
 * read of a field (select, filter, sort, group, formula) goes through here.
 */
export function fieldExpr(state: CompileState, source: Source, field: ResolvedField): Expr {
  const kind = fieldValueKind(field.def, state.set);
  const alias = source.aliasOf(state, field.joins);
  const def = field.def;
  switch (def.type) {
    case 'formula':
      return { sql: compileFormulaField(state, source, field), kind };
    case 'rollup':
      return { sql: compileRollup(state, alias, field.object, field.name, def), kind };
    case 'relation':
      if (def.relationType === 'manyToMany') {
        return { sql: manyToManyIds(state, source.scoped, alias, field.object, field.name, def), kind };
      }
      if (def.relationType === 'oneToMany') {
        throw QueryError.badRequest('', `"${field.name}" on ${field.object} is a oneToMany relation and holds no value; use expand`);
      }
  }
  const column = 'system' in def ? field.name : columnName(field.name, def)!;
  return { sql: quoteQualified(alias, column), kind };
}

/** A JSON-ready form of an expression: datetimes as ISO 8601 UTC with milliseconds. */
export function outputSql(expr: Expr): string {
  if (expr.kind !== 'datetime') return expr.sql;
  return `to_char(${expr.sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
