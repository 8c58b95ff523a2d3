import type { ConditionNode } from '@loom/metadata';
import type { CompileState } from '../plan/compile-state.js';
import type { Source } from '../plan/source.js';
import { and, notTrue, or } from '../sql/boolean.js';
import { compareAnniversary } from './condition/compare-anniversary.js';
import { compareArray } from './condition/compare-array.js';
import { compareManyToMany } from './condition/compare-many-to-many.js';
import { compareScalar } from './condition/compare-scalar.js';
import { resolveOperand } from './condition/operand.js';
import { fieldExpr } from './field-expression.js';

type Compare = Extract<ConditionNode, { kind: 'compare' }>;

/**
 * ConditionNode → an SQL boolean expression over `source` (values bound in `state.params`,
 * dotted paths joined in `source`), with exactly the semantics of metadata/src/conditions/ast.ts.
 * Conditions are two-valued: NULL counts as false, and `not` is true when its item is not true.
 * @example compileCondition(parsed, source, state) // '"t0"."amount" >= $1'
 */
export function compileCondition(node: ConditionNode, source: Source, state: CompileState): string {
  switch (node.kind) {
    case 'and': return and(node.items.map((n) => compileCondition(n, source, state)));
    case 'or': return or(node.items.map((n) => compileCondition(n, source, state)));
    case 'not': return notTrue(compileCondition(node.item, source, state));
    case 'compare': return compileCompare(node, source, state);
  }
}

function compileCompare(node: Compare, source: Source, state: CompileState): string {
  const def = node.field.def;
  const manyToMany = def.type === 'relation' && def.relationType === 'manyToMany';
  if (manyToMany && node.value.kind === 'literal') return compareManyToMany(state, source, node.field, node.op, node.value.value);
  const lhs = fieldExpr(state, source, node.field);
  if (node.op === 'anniversary') return compareAnniversary(state.params, lhs, resolveOperand(state, source, node.value, 'date'));
  const rhs = resolveOperand(state, source, node.value, lhs.kind);
  if (lhs.kind === 'options' || lhs.kind === 'tags' || lhs.kind === 'ids') return compareArray(state.params, lhs, node.op, rhs);
  return compareScalar(state.params, lhs, node.op, rhs);
}
