import type { BinaryOp } from '@loom/metadata';
import { QueryError } from '../../query-error.js';
import { asDate, asDateTime, isTime, unify, type FormulaExpr } from './formula-types.js';

const COMPARISON: Partial<Record<BinaryOp, string>> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Arithmetic, date arithmetic (days), text concatenation and comparisons; x / 0 is NULL. */
export function compileBinary(op: BinaryOp, left: FormulaExpr, right: FormulaExpr): FormulaExpr {
  const fail = (): never => {
    throw QueryError.unprocessable('', `cannot apply "${op}" to ${left.type} and ${right.type}`);
  };
  const sqlOp = COMPARISON[op];
  if (sqlOp) {
    const [l, r] = unify([left, right], `"${op}"`);
    if (op !== '=' && op !== '!=' && l!.type === 'boolean') fail();
    return { sql: `(${l!.sql} ${sqlOp} ${r!.sql})`, type: 'boolean' };
  }
  if (op === '&') return { sql: `concat(${left.sql}, ${right.sql})`, type: 'text' };
  const numbers = left.type === 'number' && right.type === 'number';
  switch (op) {
    case '*': return numbers ? { sql: `(${left.sql} * ${right.sql})`, type: 'number' } : fail();
    case '/': return numbers ? { sql: `(CAST(${left.sql} AS numeric) / NULLIF(${right.sql}, 0))`, type: 'number' } : fail();
    case '+':
      if (numbers) return { sql: `(${left.sql} + ${right.sql})`, type: 'number' };
      if (isTime(left.type) && right.type === 'number') return addDays(left, right, '+');
      return isTime(right.type) && left.type === 'number' ? addDays(right, left, '+') : fail();
    case '-':
      if (numbers) return { sql: `(${left.sql} - ${right.sql})`, type: 'number' };
      if (isTime(left.type) && right.type === 'number') return addDays(left, right, '-');
      return isTime(left.type) && isTime(right.type) ? daysBetween(right, left) : fail();
    default: return fail();
  }
}

/** A date plus or minus whole days stays a date; a datetime moves by (fractional) days. */
function addDays(time: FormulaExpr, days: FormulaExpr, sign: '+' | '-'): FormulaExpr {
  if (time.type === 'date') return { sql: `(${time.sql} ${sign} CAST(${days.sql} AS integer))`, type: 'date' };
  return { sql: `(${time.sql} ${sign} CAST(${days.sql} AS double precision) * INTERVAL '1 day')`, type: 'datetime' };
}

/** Days from `from` to `to`: whole days between dates, fractional days between datetimes. */
export function daysBetween(from: FormulaExpr, to: FormulaExpr): FormulaExpr {
  if (from.type === 'date' && to.type === 'date') return { sql: `(${to.sql} - ${from.sql})`, type: 'number' };
  return { sql: `(EXTRACT(EPOCH FROM (${asDateTime(to).sql} - ${asDateTime(from).sql})) / 86400)`, type: 'number' };
}

/** DAYS_BETWEEN(a, b): the difference of the UTC dates, b − a, in whole days. */
export function dateDifference(from: FormulaExpr, to: FormulaExpr): FormulaExpr {
  return { sql: `(${asDate(to).sql} - ${asDate(from).sql})`, type: 'number' };
}
