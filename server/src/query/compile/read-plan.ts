import { findObject, type MetadataSet } from '@loom/metadata';
import { FieldVisibility } from '../check/field-visibility.js';
import type { RequestProblems } from '../check/request-problems.js';
import { checkConditionReadable } from '../check/resolve-path.js';
import type { CompileState, ReadAccess } from '../plan/compile-state.js';
import type { Source } from '../plan/source.js';
import type { QueryContext } from '../query-context.js';
import { QueryError } from '../query-error.js';
import { searchSql } from './compile-search.js';
import { rowFilterConditions, type RowFilter } from './compile-where.js';

export const MAX_Q_LENGTH = 200;

/** What every read of an object's rows takes: list, get, count and aggregate share it (SECURITY.md 1). */
export interface ReadOptions extends RowFilter, ReadAccess {
  object: string;
  set: MetadataSet;
  ctx: QueryContext;
  /** Fields of `object` the caller may not read: never selected, sorted, grouped or filtered on. */
  hiddenFields?: ReadonlySet<string>;
  /** Case-insensitive search over the object's searchFields. */
  q?: string;
}

/** Checks the parts every read shares and returns the caller's field visibility. */
export function checkRead(options: ReadOptions, problems: RequestProblems): FieldVisibility {
  if (!findObject(options.set, options.object)) throw QueryError.badRequest('', `unknown object "${options.object}"`);
  const vis = new FieldVisibility(options.set, options.object, options.hiddenFields, options);
  if (options.filter) checkConditionReadable(options.filter, '/filter', vis, problems);
  if (options.q !== undefined && (typeof options.q !== 'string' || options.q.length > MAX_Q_LENGTH)) {
    problems.bad('/q', `must be text of at most ${MAX_Q_LENGTH} characters`);
  }
  return vis;
}

/** deleted_at, scope, filter and q over `source`: the WHERE of every read. */
export function readConditions(state: CompileState, source: Source, vis: FieldVisibility, options: ReadOptions): string[] {
  const conditions = rowFilterConditions(state, source, options);
  if (options.q) conditions.push(searchSql(state, source, vis, options.q));
  return conditions;
}
