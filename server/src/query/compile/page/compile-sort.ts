import { fieldValueKind, findObject, SYSTEM_FIELD_DEFS, type MetadataSet, type ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from '../../check/field-visibility.js';
import type { RequestProblems } from '../../check/request-problems.js';
import { resolveReadablePath } from '../../check/resolve-path.js';
import type { CompileState } from '../../plan/compile-state.js';
import type { Source } from '../../plan/source.js';
import { fieldExpr, type Expr } from '../field-expression.js';

export type SortDirection = 'asc' | 'desc';

/** One sort item as the API names it (`-amount` → `{ field: 'amount', dir: 'desc' }`). */
export interface SortSpec {
  field: string;
  dir: SortDirection;
}

/** A resolved sort key; the last one is always the row id, so the order is total. */
export interface SortKey {
  path: string;
  dir: SortDirection;
  expr: Expr;
  /** False for the root's NOT NULL system columns: no NULL ordering to spell out or page past. */
  nullable: boolean;
}

const NOT_NULL_COLUMNS = new Set(['id', 'created_at', 'updated_at', 'version']);

export const MAX_SORT_KEYS = 10;
const ID_DEF = SYSTEM_FIELD_DEFS.id!;
const SORTABLE = new Set(['text', 'number', 'boolean', 'date', 'datetime', 'option', 'stage', 'id', 'user']);
const DIRECTIONS: Readonly<Record<string, SortDirection>> = { asc: 'asc', desc: 'desc' };

/** Checks `sort` (unknown → 400 at `/sort/i`, hidden → 403, unsortable → 400) and resolves its paths. */
export function resolveSort(
  set: MetadataSet, object: string, sort: readonly SortSpec[] | undefined, vis: FieldVisibility, problems: RequestProblems,
): { spec: SortSpec; field: ResolvedField }[] {
  const items = sort ?? defaultSort(set, object, vis);
  if (items.length > MAX_SORT_KEYS) {
    problems.bad('/sort', `at most ${MAX_SORT_KEYS} sort keys`);
    return [];
  }
  const resolved: { spec: SortSpec; field: ResolvedField }[] = [];
  items.forEach((spec, i) => {
    const at = `/sort/${i}`;
    if (!Object.hasOwn(DIRECTIONS, spec?.dir)) return problems.bad(at, 'direction must be asc or desc');
    const field = resolveReadablePath(set, object, spec.field, at, vis, problems);
    if (!field) return;
    if (!SORTABLE.has(fieldValueKind(field.def, set))) return problems.bad(at, `cannot sort by the ${field.def.type} field "${spec.field}"`);
    resolved.push({ spec: { field: spec.field, dir: DIRECTIONS[spec.dir]! }, field });
  });
  return resolved;
}

/** Newest first when the caller names no order (and may read created_at). */
function defaultSort(set: MetadataSet, object: string, vis: FieldVisibility): SortSpec[] {
  return findObject(set, object) && !vis.isHidden(object, 'created_at') ? [{ field: 'created_at', dir: 'desc' }] : [];
}

/** The sort keys of a statement, with the id tie-break appended unless the id is already a key. */
export function sortKeys(state: CompileState, source: Source, items: { spec: SortSpec; field: ResolvedField }[]): SortKey[] {
  const keys = items.map(({ spec, field }): SortKey => ({
    path: spec.field,
    dir: spec.dir,
    expr: fieldExpr(state, source, field),
    nullable: !('system' in field.def && field.joins.length === 0 && NOT_NULL_COLUMNS.has(field.name)),
  }));
  if (!keys.some((k) => k.path === 'id')) {
    const id = fieldExpr(state, source, { object: source.object, name: 'id', def: ID_DEF, joins: [] });
    keys.push({ path: 'id', dir: 'asc', expr: id, nullable: false });
  }
  return keys;
}

/** NULLs sort last ascending and first descending (PostgreSQL's default, spelled out where a key can be NULL). */
export function orderBySql(keys: SortKey[]): string {
  return keys.map((k) => `${k.expr.sql} ${k.dir === 'asc' ? 'ASC' : 'DESC'}${k.nullable ? (k.dir === 'asc' ? ' NULLS LAST' : ' NULLS FIRST') : ''}`).join(', ');
}

/** `-amount,name,id`: what a cursor was made for. */
export function sortSignature(keys: SortKey[]): string {
  return keys.map((k) => (k.dir === 'desc' ? `-${k.path}` : k.path)).join(',');
}
