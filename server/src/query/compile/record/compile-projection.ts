import { findObject, SYSTEM_FIELDS, type MetadataSet, type ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from '../../check/field-visibility.js';
import type { CompileState } from '../../plan/compile-state.js';
import type { Hop, Source } from '../../plan/source.js';
import { QueryError } from '../../query-error.js';
import { quoteIdent, quoteKey, quoteQualified } from '../../sql/quote-ident.js';
import { fieldExpr, outputSql, type Expr } from '../field-expression.js';
import { jsonColumn, outputColumn, type OutputColumn } from './record-rows.js';

/** One key of the record JSON and the SQL of its JSON-ready value (`expr`: the plain field's own value). */
export interface Column {
  key: string;
  sql: string;
  expr?: Expr;
}

/** A field the projection reads: its dotted path as named and where it resolved. */
export interface ProjectedField {
  path: string[];
  field: ResolvedField;
}

/** json_build_object takes at most 100 arguments: 50 keys per related object. */
const MAX_NESTED_KEYS = 50;
const SYSTEM_TAIL = SYSTEM_FIELDS.filter((f) => f !== 'id' && f !== 'deleted_at');

/**
 * The default projection of an object: id, then its fields in definition order — readable,
 * not archived, not hidden in metadata, and oneToMany only when expanded — then the system
 * fields (`deleted_at` too in the bin).
 */
export function defaultFieldNames(
  set: MetadataSet, object: string, vis: FieldVisibility, options: { deleted?: boolean; expanded?: ReadonlySet<string> } = {},
): string[] {
  const fields = Object.entries(findObject(set, object)?.fields ?? {})
    .filter(([name, def]) => !def.archived && !def.hidden && !vis.isHidden(object, name))
    .filter(([name, def]) => def.type !== 'relation' || def.relationType !== 'oneToMany' || options.expanded?.has(name))
    .map(([name]) => name);
  const system = [...SYSTEM_TAIL, ...(options.deleted ? ['deleted_at'] : [])].filter((f) => !vis.isHidden(object, f));
  return ['id', ...fields, ...system];
}

/**
 * The record's columns, keyed by the first segment of each path in order of appearance:
 * a plain field is its JSON-ready value, an expanded relation its expansion, and dotted paths
 * (`account.name`) a nested object `{ id, name }` (NULL when the related row is not visible).
 */
export function recordColumns(
  state: CompileState, source: Source, fields: ProjectedField[], expanded: (key: string) => string | undefined,
): Column[] {
  const byKey = new Map<string, ProjectedField[]>();
  for (const f of fields) byKey.set(f.path[0]!, [...(byKey.get(f.path[0]!) ?? []), f]);
  return [...byKey].map(([key, entries]) => {
    const expansion = expanded(key);
    if (expansion !== undefined) return { key, sql: expansion };
    if (entries.every((e) => e.path.length === 1)) {
      const expr = fieldExpr(state, source, entries[0]!.field);
      return { key, sql: outputSql(expr), expr };
    }
    return { key, sql: nestedObject(state, source, buildTree(entries, 1)) };
  });
}

/** `CROSS JOIN LATERAL (SELECT … AS "key", …) AS "p1"` and the record JSON `to_json("p1")`. */
export function lateralRecord(state: CompileState, columns: Column[]): { join: string; json: string } {
  const alias = quoteIdent(state.aliases.next('p'));
  const list = columns.map((c) => `${c.sql} AS ${quoteIdent(c.key)}`).join(', ');
  return { join: `CROSS JOIN LATERAL (SELECT ${list}) AS ${alias}`, json: `to_json(${alias})` };
}

/** The record's columns selected one by one, for Node to spell the JSON (record/record-rows.ts). */
export function rowColumns(columns: Column[]): (OutputColumn & { key: string })[] {
  return columns.map((c) => ({ key: c.key, ...(c.expr ? outputColumn(c.expr) : jsonColumn(c.sql)) }));
}

interface Tree {
  hops: readonly Hop[];
  children: Map<string, Tree | ResolvedField>;
}

function buildTree(entries: ProjectedField[], depth: number): Tree {
  const tree: Tree = { hops: entries[0]!.field.joins.slice(0, depth), children: new Map() };
  const groups = new Map<string, ProjectedField[]>();
  for (const e of entries.filter((x) => x.path.length > depth)) {
    const key = e.path[depth]!;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const [key, group] of groups) {
    const deeper = group.some((e) => e.path.length > depth + 1);
    tree.children.set(key, deeper ? buildTree(group, depth + 1) : group[0]!.field);
  }
  return tree;
}

function nestedObject(state: CompileState, source: Source, tree: Tree): string {
  const alias = source.aliasOf(state, tree.hops);
  const id = quoteQualified(alias, 'id');
  const pairs = [`'id', ${id}`];
  for (const [key, child] of tree.children) {
    if (key === 'id') continue;
    const value = 'children' in child ? nestedObject(state, source, child) : outputSql(fieldExpr(state, source, child));
    pairs.push(`${quoteKey(key)}, ${value}`);
  }
  if (pairs.length > MAX_NESTED_KEYS) throw QueryError.badRequest('/fields', `at most ${MAX_NESTED_KEYS - 1} fields of one related object`);
  return `CASE WHEN ${id} IS NULL THEN NULL ELSE json_build_object(${pairs.join(', ')}) END`;
}
