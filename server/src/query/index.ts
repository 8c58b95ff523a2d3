/**
 * The query compiler: condition AST + metadata + caller → one parameterized SQL statement.
 * Pure (never touches the database); see README.md for the stages and the safety rules.
 */
export { QueryError, type QueryErrorStatus, type QueryProblem } from './query-error.js';
export { queryContext, type QueryContext } from './query-context.js';
export type { ReadAccess } from './plan/compile-state.js';

export { parseListQuery, DEFAULT_LIMIT, LIST_QUERY_PARAMETERS, type ListQuery } from './parse-list-query.js';
export { parseFilter, type ParseFilterOptions } from './parse/parse-filter.js';

export { compileSelect, compileSelectRows, compileGet, compileGetRows, MAX_LIMIT, type SelectOptions, type GetOptions, type ReadBackOptions, type CompiledSelect, type CompiledRows, type RecordShapeOptions } from './compile/compile-select.js';
export { compileCount } from './compile/compile-count.js';
export { compileAggregate, type AggregateOptions, type Metric, type MetricFn } from './compile/compile-aggregate.js';
export { compileWhere, type CompiledWhere, type RowFilter, type WhereOptions } from './compile/compile-where.js';
export type { ReadOptions } from './compile/read-plan.js';
export type { SortDirection, SortSpec } from './compile/page/compile-sort.js';
export { readPage, type SelectRow } from './compile/page/read-page.js';
export { readPageRows } from './compile/page/page-rows.js';
export type { TextRow } from './compile/record/record-rows.js';
export { EXPAND_LIST_LIMIT } from './compile/record/compile-expand.js';
export { MAX_EXPANDS, MAX_FIELDS } from './compile/record/resolve-projection.js';

export { quoteIdent, quoteQualified } from './sql/quote-ident.js';
export { Params } from './sql/params.js';
