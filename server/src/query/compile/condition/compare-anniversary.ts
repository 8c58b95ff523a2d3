import type { Params } from '../../sql/params.js';
import { literalFor } from '../bind-value.js';
import type { Expr } from '../field-expression.js';
import type { Rhs } from './operand.js';

/**
 * `$anniversary`: same month and day; a 29 February matches 28 February in a year without one
 * (the target's next day is 1 March). Datetimes are read as their UTC date.
 */
export function compareAnniversary(params: Params, lhs: Expr, rhs: Rhs): string {
  const day = lhs.kind === 'datetime' ? `CAST(${lhs.sql} AT TIME ZONE 'UTC' AS date)` : lhs.sql;
  const target = rhs.kind === 'sql' ? rhs.sql : params.add(literalFor('date', rhs.value), 'date');
  const md = (date: string) => `to_char(${date}, 'MM-DD')`;
  return `(${md(day)} = ${md(target)} OR (${md(day)} = '02-29' AND ${md(target)} = '02-28' AND ${md(`(${target} + 1)`)} = '03-01'))`;
}
