import type { ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from '../check/field-visibility.js';
import { RequestProblems } from '../check/request-problems.js';
import { ROOT_ALIAS } from '../plan/aliases.js';
import type { CompileState } from '../plan/compile-state.js';
import { Source } from '../plan/source.js';
import { whereList } from '../sql/boolean.js';
import { quoteIdent, quoteQualified } from '../sql/quote-ident.js';
import { isUuid } from './bind-value.js';
import { createCompileState } from './compile-state.js';
import { cursorColumns, cursorValuesSql, keysetSql } from './page/compile-keyset.js';
import { orderBySql, resolveSort, sortKeys, sortSignature, type SortSpec } from './page/compile-sort.js';
import { decodeCursor } from './page/cursor.js';
import { checkRead, readConditions, type ReadOptions } from './read-plan.js';
import { expandSql } from './record/compile-expand.js';
import { lateralRecord, recordColumns, rowColumns, type Column, type ProjectedField } from './record/compile-projection.js';
import { arrayEncoder, recordEncoder, type TextRow } from './record/record-rows.js';
import { resolveProjection } from './record/resolve-projection.js';

export const MAX_LIMIT = 500;

export interface RecordShapeOptions {
  /** Projection (`name`, `account.name`); default: every readable, non-archived field. */
  fields?: string[];
  /** Relations to expand (at most 10). */
  expand?: string[];
}

export interface SelectOptions extends ReadOptions, RecordShapeOptions {
  /** Sort keys; the row id always breaks ties. Default: newest first. */
  sort?: SortSpec[];
  /** Page size, 1–500. */
  limit: number;
  /** `nextCursor` of the previous page (keyset pagination). */
  cursor?: string;
  /** Rows to skip (the alternative to `cursor`). */
  offset?: number;
}

/** One statement: rows `{ record: json, cursor: json }`, at most `limit + 1` (the extra one says there is a next page). */
export interface CompiledSelect {
  sql: string;
  params: unknown[];
  limit: number;
  sortSignature: string;
}

/**
 * The list query of `GET /api/records/{object}`: filter AND scope AND q AND keyset, sorted,
 * paged, each row's record JSON built in PostgreSQL (see readPage for `{ data, nextCursor }`).
 * @example compileSelect({ object: 'opportunity', set, ctx, filter, limit: 50 })
 */
export function compileSelect(options: SelectOptions): CompiledSelect {
  const plan = planSelect(options);
  const record = lateralRecord(plan.state, plan.columns);
  const sql = `SELECT ${record.json} AS "record", ${cursorValuesSql(plan.keys)} AS "cursor" FROM ${plan.from} ${record.join} ${plan.tail}`;
  return { sql, params: plan.state.params.values, limit: options.limit, sortSignature: plan.signature };
}

/** A list whose rows are the record's values one column each, then the cursor's (see readPageRows). */
export interface CompiledRows extends CompiledSelect {
  /** The record JSON of a row. */
  record: (row: TextRow) => string;
  /** The row's cursor values as a JSON array. */
  cursor: (row: TextRow) => string;
}

/**
 * compileSelect for the HTTP list: the same statement, but each value selected as its own column
 * for Node to spell the JSON — building JSON per row costs PostgreSQL several times the list itself.
 */
export function compileSelectRows(options: SelectOptions): CompiledRows {
  const plan = planSelect(options);
  const columns = rowColumns(plan.columns);
  const keys = cursorColumns(plan.keys);
  const list = [...columns, ...keys].map((c) => c.sql).join(', ');
  return {
    sql: `SELECT ${list} FROM ${plan.from} ${plan.tail}`,
    params: plan.state.params.values,
    limit: options.limit,
    sortSignature: plan.signature,
    record: recordEncoder(columns),
    cursor: arrayEncoder(keys.map((k) => k.encoding), columns.length),
  };
}

function planSelect(options: SelectOptions) {
  const problems = new RequestProblems();
  const vis = checkRead(options, problems);
  checkPaging(options, problems);
  const shape = resolveProjection(options.set, options.object, options, vis, problems);
  const sort = resolveSort(options.set, options.object, options.sort, vis, problems);
  problems.throwIfAny();

  const state = createCompileState(options.set, options.ctx, options);
  const source = new Source(options.object, ROOT_ALIAS, true);
  const conditions = readConditions(state, source, vis, options);
  const keys = sortKeys(state, source, sort);
  const signature = sortSignature(keys);
  if (options.cursor !== undefined) conditions.push(keysetSql(state.params, keys, decodeCursor(options.cursor, signature, keys)));
  const columns = recordColumnList(state, source, vis, shape);
  const limit = state.params.add(options.limit + 1);
  const offset = options.offset ? ` OFFSET ${state.params.add(options.offset)}` : '';
  const tail = `WHERE ${whereList(conditions)} ORDER BY ${orderBySql(keys)} LIMIT ${limit}${offset}`;
  return { state, keys, signature, columns, from: source.fromSql(), tail };
}

export interface GetOptions extends Omit<ReadOptions, 'q' | 'filter'>, RecordShapeOptions {
  id: string;
  /** Also select the row's `version` as a column (the ETag), so nobody parses the record for it. */
  version?: boolean;
}

/**
 * The read-back of a write: the record as GET shows it, read from the CTE `cte` of the write's own
 * statement (its `RETURNING *` rows) instead of the table, with placeholders numbered after the
 * write's `paramOffset` parameters. No id condition: the CTE holds the written row alone.
 */
export interface ReadBackOptions extends Omit<GetOptions, 'id'> {
  cte: string;
  paramOffset: number;
}

/** `GET /api/records/{object}/{id}`: one row `{ record }`, or none (not found, out of scope, or not a uuid). */
export function compileGet(options: GetOptions | ReadBackOptions): { sql: string; params: unknown[] } {
  const plan = planGet(options);
  const record = lateralRecord(plan.state, plan.columns);
  return { sql: `SELECT ${record.json} AS "record"${plan.version} FROM ${plan.from} ${record.join} ${plan.where}`, params: plan.state.params.values };
}

/**
 * compileGet with the record's values one column each, for Node to spell the JSON; with `version`,
 * `versionColumn` is the index of the row's version (the record's own column, else one more).
 */
export function compileGetRows(options: GetOptions): { sql: string; params: unknown[]; record: (row: TextRow) => string; versionColumn: number } {
  const plan = planGet(options);
  const columns = rowColumns(plan.columns);
  const own = columns.findIndex((c) => c.key === 'version');
  const extra = plan.version && own < 0 ? plan.version : '';
  return {
    sql: `SELECT ${columns.map((c) => c.sql).join(', ')}${extra} FROM ${plan.from} ${plan.where}`,
    params: plan.state.params.values,
    record: recordEncoder(columns),
    versionColumn: own < 0 ? columns.length : own,
  };
}

function planGet(options: GetOptions | ReadBackOptions) {
  const problems = new RequestProblems();
  const vis = checkRead(options, problems);
  const shape = resolveProjection(options.set, options.object, options, vis, problems);
  problems.throwIfAny();
  const readBack = 'cte' in options ? options : undefined;
  const state = createCompileState(options.set, options.ctx, options, readBack?.paramOffset);
  const source = new Source(options.object, ROOT_ALIAS, true, readBack && quoteIdent(readBack.cte));
  const byId = readBack ? [] : [isUuid((options as GetOptions).id) ? `${quoteQualified(ROOT_ALIAS, 'id')} = ${state.params.add((options as GetOptions).id)}` : 'FALSE'];
  const conditions = [...byId, ...readConditions(state, source, vis, options)];
  const columns = recordColumnList(state, source, vis, shape);
  const version = !readBack && (options as GetOptions).version ? `, ${quoteQualified(ROOT_ALIAS, 'version')} AS "version"` : '';
  return { state, columns, version, from: source.fromSql(), where: `WHERE ${whereList(conditions)}` };
}

function recordColumnList(
  state: CompileState, source: Source, vis: FieldVisibility, shape: { fields: ProjectedField[]; expand: ResolvedField[] },
): Column[] {
  const expand = new Map(shape.expand.map((f) => [f.name, f]));
  return recordColumns(state, source, shape.fields, (key) => {
    const field = expand.get(key);
    return field ? expandSql(state, source, vis, field) : undefined;
  });
}

function checkPaging(options: SelectOptions, problems: RequestProblems): void {
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > MAX_LIMIT) {
    problems.bad('/limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (options.offset !== undefined && (!Number.isSafeInteger(options.offset) || options.offset < 0)) {
    problems.bad('/offset', 'must be a non-negative integer');
  }
  if (options.offset !== undefined && options.cursor !== undefined) problems.bad('/cursor', 'use either cursor or offset, not both');
}
