import type { Operand, ValueKind, VariableName } from '@loom/metadata';
import type { CompileState } from '../../plan/compile-state.js';
import type { Source } from '../../plan/source.js';
import type { QueryContext } from '../../query-context.js';
import { fieldExpr } from '../field-expression.js';

/** The right-hand side of a comparison: a value to bind, or another field's SQL. */
export type Rhs = { kind: 'value'; value: unknown } | { kind: 'sql'; sql: string };

/**
 * Resolves an operand against the left side's kind. Variables become values from the
 * QueryContext (`$now` against a date is now's UTC date; `$today` against a datetime is its UTC
 * midnight, as in evaluateCondition); `$field.` operands become SQL, a datetime meeting a date
 * compared as dates (left date) or at UTC midnight (left datetime).
 */
export function resolveOperand(state: CompileState, source: Source, operand: Operand, lhsKind: ValueKind): Rhs {
  if (operand.kind === 'literal') return { kind: 'value', value: operand.value };
  if (operand.kind === 'variable') return { kind: 'value', value: variableValue(state.ctx, operand.name, lhsKind) };
  const other = fieldExpr(state, source, operand.field);
  if (lhsKind === 'date' && other.kind === 'datetime') return { kind: 'sql', sql: `CAST(${other.sql} AT TIME ZONE 'UTC' AS date)` };
  if (lhsKind === 'datetime' && other.kind === 'date') return { kind: 'sql', sql: `(CAST(${other.sql} AS timestamp) AT TIME ZONE 'UTC')` };
  if (other.kind === 'json') return { kind: 'sql', sql: `NULLIF(${other.sql}, 'null'::jsonb)` };
  return { kind: 'sql', sql: other.sql };
}

export function variableValue(ctx: QueryContext, name: VariableName, lhsKind: ValueKind): unknown {
  switch (name) {
    case 'user.id': return ctx.userId;
    case 'user.team': return ctx.teamUserIds;
    case 'user.subordinates': return ctx.subordinateIds;
    case 'now': return lhsKind === 'date' ? ctx.now.toISOString().slice(0, 10) : ctx.now.toISOString();
    case 'today': return lhsKind === 'datetime' ? `${ctx.today}T00:00:00.000Z` : ctx.today;
  }
}
