import { fieldValueKind, type ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from '../check/field-visibility.js';
import { RequestProblems } from '../check/request-problems.js';
import { resolveReadablePath } from '../check/resolve-path.js';
import { ROOT_ALIAS } from '../plan/aliases.js';
import { Source } from '../plan/source.js';
import { whereList } from '../sql/boolean.js';
import { quoteKey } from '../sql/quote-ident.js';
import { createCompileState } from './compile-state.js';
import { fieldExpr, outputSql } from './field-expression.js';
import { checkRead, readConditions, type ReadOptions } from './read-plan.js';
import type { SortDirection } from './page/compile-sort.js';

export type MetricFn = 'count' | 'sum' | 'avg' | 'min' | 'max';

export interface Metric {
  fn: MetricFn;
  /** Required except for count (count with a field counts non-null values). */
  field?: string;
}

export interface AggregateOptions extends ReadOptions {
  groupBy: string[];
  metrics: Metric[];
  /** Order by a group field or a metric key (`sum_amount`); default: the group fields ascending. */
  sort?: { key: string; dir: SortDirection }[];
  /** Groups returned, 1–1000 (default 1000). */
  limit?: number;
}

const FNS: Readonly<Record<string, MetricFn>> = { count: 'count', sum: 'sum', avg: 'avg', min: 'min', max: 'max' };
const DIRS: Readonly<Record<string, string>> = { asc: 'ASC NULLS LAST', desc: 'DESC NULLS FIRST' };
const NUMERIC = new Set(['number']);
const ORDERED = new Set(['number', 'text', 'date', 'datetime', 'option', 'stage']);
const GROUPABLE = new Set(['text', 'number', 'boolean', 'date', 'datetime', 'option', 'stage', 'id', 'user', 'options', 'tags']);
export const MAX_GROUPS = 1000;

interface Item { key: string; field?: ResolvedField; fn?: MetricFn }

/**
 * `POST /api/records/{object}/aggregate`: one row `{ row: { <group fields>, count, sum_amount, … } }`
 * per group, over the same rows a list would see (filter, scope, q). Functions and directions are
 * enums; a request naming an unknown or unfit field is 422, a hidden one 403.
 * @example compileAggregate({ object: 'opportunity', set, ctx, groupBy: ['stage'], metrics: [{ fn: 'sum', field: 'amount' }, { fn: 'count' }] })
 */
export function compileAggregate(options: AggregateOptions): { sql: string; params: unknown[] } {
  const problems = new RequestProblems(422);
  const vis = checkRead(options, problems);
  const items = [...resolveGroups(options, vis, problems), ...resolveMetrics(options, vis, problems)];
  const limit = options.limit ?? MAX_GROUPS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GROUPS) problems.bad('/limit', `must be an integer from 1 to ${MAX_GROUPS}`);
  const keys = new Set(items.map((i) => i.key));
  if (keys.size < items.length) problems.bad('/metrics', 'the same metric is asked for twice');
  (options.sort ?? []).forEach((s, i) => {
    if (!keys.has(s?.key)) problems.bad(`/sort/${i}`, 'must name a group field or a metric (e.g. sum_amount)');
    if (!Object.hasOwn(DIRS, s?.dir)) problems.bad(`/sort/${i}/dir`, 'must be asc or desc');
  });
  problems.throwIfAny();

  const state = createCompileState(options.set, options.ctx, options);
  const source = new Source(options.object, ROOT_ALIAS, true);
  const sqlOf = new Map<string, { value: string; output: string }>();
  for (const item of items) {
    const expr = item.field ? fieldExpr(state, source, item.field) : undefined;
    const value = item.fn ? `${item.fn}(${expr ? expr.sql : '*'})` : expr!.sql;
    const extreme = item.fn === 'min' || item.fn === 'max';
    sqlOf.set(item.key, { value, output: !expr || (item.fn && !extreme) ? value : outputSql({ sql: value, kind: expr.kind }) });
  }
  const where = whereList(readConditions(state, source, vis, options));
  const groups = items.filter((i) => !i.fn).map((i) => sqlOf.get(i.key)!.value);
  const order = options.sort?.length
    ? options.sort.map((s) => `${sqlOf.get(s.key)!.value} ${DIRS[s.dir]}`)
    : groups.map((g) => `${g} ASC NULLS LAST`);
  const row = `json_build_object(${items.map((i) => `${quoteKey(i.key)}, ${sqlOf.get(i.key)!.output}`).join(', ')})`;
  const sql = `SELECT ${row} AS "row" FROM ${source.fromSql()} WHERE ${where}`
    + (groups.length ? ` GROUP BY ${groups.join(', ')}` : '')
    + (order.length ? ` ORDER BY ${order.join(', ')}` : '')
    + ` LIMIT ${state.params.add(limit)}`;
  return { sql, params: state.params.values };
}

function resolveGroups(options: AggregateOptions, vis: FieldVisibility, problems: RequestProblems): Item[] {
  if (!Array.isArray(options.groupBy) || options.groupBy.length > 10) return problems.bad('/groupBy', 'takes at most 10 fields') ?? [];
  return options.groupBy.flatMap((path, i): Item[] => {
    const field = resolveReadablePath(options.set, options.object, path, `/groupBy/${i}`, vis, problems);
    if (!field) return [];
    if (!GROUPABLE.has(fieldValueKind(field.def, options.set))) return problems.bad(`/groupBy/${i}`, `cannot group by the ${field.def.type} field "${path}"`) ?? [];
    return [{ key: path, field }];
  });
}

function resolveMetrics(options: AggregateOptions, vis: FieldVisibility, problems: RequestProblems): Item[] {
  if (!Array.isArray(options.metrics) || options.metrics.length === 0 || options.metrics.length > 20) {
    return problems.bad('/metrics', 'takes 1 to 20 metrics') ?? [];
  }
  return options.metrics.flatMap((m, i): Item[] => {
    const fn = Object.hasOwn(FNS, m?.fn) ? FNS[m.fn] : undefined;
    if (!fn) return problems.bad(`/metrics/${i}/fn`, 'must be count, sum, avg, min or max') ?? [];
    if (m.field === undefined) return fn === 'count' ? [{ key: 'count', fn }] : problems.bad(`/metrics/${i}/field`, `${fn} needs a field`) ?? [];
    const field = resolveReadablePath(options.set, options.object, m.field, `/metrics/${i}/field`, vis, problems);
    if (!field) return [];
    const kind = fieldValueKind(field.def, options.set);
    const fits = fn === 'count' ? kind !== 'none' : (fn === 'sum' || fn === 'avg' ? NUMERIC : ORDERED).has(kind);
    if (!fits) return problems.bad(`/metrics/${i}/field`, `${fn} does not apply to the ${field.def.type} field "${m.field}"`) ?? [];
    return [{ key: `${fn}_${m.field}`, field, fn }];
  });
}
