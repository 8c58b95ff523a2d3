import { parseFormula, resolveFieldPath, typeFormula, type FormulaNode, type ResolvedField } from '@loom/metadata';
import type { CompileState } from '../plan/compile-state.js';
import type { Hop, Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { fieldExpr } from './field-expression.js';
import { compileBinary } from './formula/formula-binary.js';
import { compileCall } from './formula/formula-calls.js';
import { asDateTime, formulaTypeOfKind, type FormulaExpr } from './formula/formula-types.js';

/** Where a formula's field references start: its object, reached from the source root by `base`. */
export interface FormulaScope {
  object: string;
  base: readonly Hop[];
}

/**
 * Formula AST → SQL expression (never eval). Literals are bound parameters; field references
 * go through the field resolver, so dotted paths join and formulas may read formulas and rollups.
 * @example compileFormula(state, source, parseFormula('amount * probability / 100').ast!, { object: 'opportunity', base: [] })
 *   // { sql: '(CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($1::numeric, 0))', type: 'number' }
 */
export function compileFormula(state: CompileState, source: Source, node: FormulaNode, scope: FormulaScope): FormulaExpr {
  const recurse = (n: FormulaNode) => compileFormula(state, source, n, scope);
  switch (node.kind) {
    case 'number': return { sql: state.params.add(node.value, 'numeric'), type: 'number' };
    case 'string': return { sql: state.params.add(node.value, 'text'), type: 'text' };
    case 'boolean': return { sql: node.value ? 'TRUE' : 'FALSE', type: 'boolean' };
    case 'field': return formulaField(state, source, node.path, scope);
    case 'unary': {
      const operand = recurse(node.operand);
      if (operand.type !== 'number') throw QueryError.unprocessable('', `cannot negate ${operand.type}`);
      return { sql: `(- ${operand.sql})`, type: 'number' };
    }
    case 'binary': return compileBinary(node.op, recurse(node.left), recurse(node.right));
    case 'call': return compileCall(state, node.name, node.args.map(recurse));
  }
}

function formulaField(state: CompileState, source: Source, path: string[], scope: FormulaScope): FormulaExpr {
  const res = resolveFieldPath(state.set, scope.object, path);
  if (res.error) throw QueryError.unprocessable('', `formula on ${scope.object}: ${res.error.message}`);
  const field: ResolvedField = { ...res.field, joins: [...scope.base, ...res.field.joins] };
  const expr = fieldExpr(state, source, field);
  const type = formulaTypeOfKind(expr.kind, `field "${path.join('.')}"`);
  // Ids are uuid columns: read them as text so they compare with text and concatenate.
  const sql = expr.kind === 'id' || expr.kind === 'user' ? `CAST(${expr.sql} AS text)` : expr.sql;
  return { sql, type };
}

/** A formula field's value: its expression compiled where the field was reached, cast to its result type. */
export function compileFormulaField(state: CompileState, source: Source, field: ResolvedField): string {
  const def = field.def;
  if (def.type !== 'formula') throw new TypeError('not a formula field');
  const key = `${field.object}.${field.name}`;
  if (state.formulaStack.includes(key)) {
    throw QueryError.unprocessable('', `formula ${[...state.formulaStack, key].join(' → ')} refers to itself`);
  }
  const parsed = parseFormula(def.expression);
  // The same checks as when the metadata was saved: a formula that no longer types (a field it
  // reads changed) is a 422 here, never an SQL type error at run time.
  const problem = parsed.ast ? typeFormula(parsed.ast, field.object, state.set).errors[0] : parsed.errors[0];
  if (!parsed.ast || problem) throw QueryError.unprocessable('', `formula ${key}: ${problem?.message ?? 'invalid'}`);
  state.formulaStack.push(key);
  try {
    const expr = compileFormula(state, source, parsed.ast, { object: field.object, base: field.joins });
    return def.resultType === 'datetime' ? asDateTime(expr).sql : expr.sql;
  } finally {
    state.formulaStack.pop();
  }
}
