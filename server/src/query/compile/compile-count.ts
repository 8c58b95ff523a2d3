import { RequestProblems } from '../check/request-problems.js';
import { ROOT_ALIAS } from '../plan/aliases.js';
import { Source } from '../plan/source.js';
import { whereList } from '../sql/boolean.js';
import { createCompileState } from './compile-state.js';
import { checkRead, readConditions, type ReadOptions } from './read-plan.js';

/**
 * `count=true`: the rows the same list would page through (filter, scope, q, bin), one row `{ total }`
 * (a float8, so the driver hands back a number: exact up to 2^53).
 * @example compileCount({ object: 'opportunity', set, ctx, filter }) // SELECT count(*) AS "total" FROM …
 */
export function compileCount(options: ReadOptions): { sql: string; params: unknown[] } {
  const problems = new RequestProblems();
  const vis = checkRead(options, problems);
  problems.throwIfAny();
  const state = createCompileState(options.set, options.ctx, options);
  const source = new Source(options.object, ROOT_ALIAS, true);
  const where = whereList(readConditions(state, source, vis, options));
  return { sql: `SELECT CAST(count(*) AS double precision) AS "total" FROM ${source.fromSql()} WHERE ${where}`, params: state.params.values };
}
