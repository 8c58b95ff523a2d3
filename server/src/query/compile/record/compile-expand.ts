import {
  columnName, findField, findFieldOrSystem, findObject, isManyToOne,
  type FieldDef, type RelationFieldDef, type ResolvedField, type SystemFieldDef,
} from '@loom/metadata';
import type { FieldVisibility } from '../../check/field-visibility.js';
import type { CompileState } from '../../plan/compile-state.js';
import { Source } from '../../plan/source.js';
import { QueryError } from '../../query-error.js';
import { whereList } from '../../sql/boolean.js';
import { quoteIdent, quoteQualified } from '../../sql/quote-ident.js';
import { defaultFieldNames, lateralRecord, recordColumns, type Column } from './compile-projection.js';
import { fieldExpr, outputSql } from '../field-expression.js';
import { linkedTargets } from '../many-to-many.js';

/** oneToMany and manyToMany expansions hold at most this many records (oldest first). */
export const EXPAND_LIST_LIMIT = 50;

/** Fields that can be expanded: relations, and user fields (owner, created_by, …) from core.user. */
export function isExpandable(def: FieldDef | SystemFieldDef): boolean {
  return def.type === 'relation' || def.type === 'user';
}

/**
 * The JSON replacing a relation's value under `expand`, as one correlated subquery (never a
 * query per row): manyToOne → `{ id, title, …readable fields }` or NULL; oneToMany and
 * manyToMany → an array of such records; users → `{ id, title, name, email }`. Targets that are
 * soft-deleted or outside `scopeFor(target)` are left out; `hiddenFor(target)` fields are not read.
 */
export function expandSql(state: CompileState, source: Source, vis: FieldVisibility, field: ResolvedField): string {
  const def = field.def;
  const value = () => fieldExpr(state, source, field).sql;
  if (def.type === 'user') return userJson(state, value());
  if (def.type !== 'relation') throw QueryError.badRequest('/expand', `"${field.name}" is not a relation`);
  switch (def.relationType ?? 'manyToOne') {
    case 'manyToOne': return manyToOneJson(state, vis, def, value());
    case 'oneToMany': return oneToManyJson(state, source.alias, vis, field, def);
    default: return manyToManyJson(state, source.alias, vis, field, def);
  }
}

function manyToOneJson(state: CompileState, vis: FieldVisibility, def: RelationFieldDef, targetId: string): string {
  const target = new Source(def.target, state.aliases.next('e'), true);
  const where = [`${quoteQualified(target.alias, 'id')} = ${targetId}`, ...liveAndScoped(state, target)];
  const record = lateralRecord(state, targetColumns(state, target, vis));
  return `(SELECT ${record.json} FROM ${target.fromSql()} ${record.join} WHERE ${whereList(where)})`;
}

function oneToManyJson(state: CompileState, ownerAlias: string, vis: FieldVisibility, field: ResolvedField, def: RelationFieldDef): string {
  const inverse = inverseField(state, field, def);
  const target = new Source(def.target, state.aliases.next('e'), true);
  const link = `${quoteQualified(target.alias, columnName(inverse, { type: 'relation' })!)} = ${quoteQualified(ownerAlias, 'id')}`;
  return recordList(state, target, vis, target.fromSql.bind(target), [link, ...liveAndScoped(state, target)]);
}

function manyToManyJson(state: CompileState, ownerAlias: string, vis: FieldVisibility, field: ResolvedField, def: RelationFieldDef): string {
  const rows = linkedTargets(state, true, ownerAlias, field.object, field.name, def);
  return recordList(state, rows.target, vis, rows.fromSql, rows.where);
}

/** `[ …records ]`, first EXPAND_LIST_LIMIT by created_at, id; `[]` when none. */
function recordList(state: CompileState, target: Source, vis: FieldVisibility, fromSql: () => string, where: string[]): string {
  const record = lateralRecord(state, targetColumns(state, target, vis));
  const rows = quoteIdent(state.aliases.next('x'));
  const createdAt = quoteQualified(target.alias, 'created_at');
  const id = quoteQualified(target.alias, 'id');
  const limit = state.params.add(EXPAND_LIST_LIMIT);
  const inner = `SELECT ${record.json} AS "record", ${createdAt} AS "created_at", ${id} AS "id" FROM ${fromSql()} ${record.join}`
    + ` WHERE ${whereList(where)} ORDER BY ${createdAt}, ${id} LIMIT ${limit}`;
  return `(SELECT COALESCE(json_agg(${rows}."record" ORDER BY ${rows}."created_at", ${rows}."id"), '[]'::json) FROM (${inner}) AS ${rows})`;
}

function liveAndScoped(state: CompileState, target: Source): string[] {
  const scope = state.access.scopeFor?.(target.object);
  return [`${quoteQualified(target.alias, 'deleted_at')} IS NULL`, scope ? state.compileCondition(scope, target) : 'TRUE'];
}

/** `id`, `title` (the title field, NULL when hidden), then the target's default projection. */
function targetColumns(state: CompileState, target: Source, vis: FieldVisibility): Column[] {
  const names = defaultFieldNames(state.set, target.object, vis).filter((n) => n !== 'title');
  const fields = names.map((name) => ({ path: [name], field: resolved(state, target.object, name) }));
  const [id, ...rest] = recordColumns(state, target, fields, () => undefined);
  const titleField = findObject(state.set, target.object)?.titleField;
  const readable = titleField !== undefined && findField(state.set, target.object, titleField) && !vis.isHidden(target.object, titleField);
  const title = readable ? outputSql(fieldExpr(state, target, resolved(state, target.object, titleField))) : 'NULL';
  return [id!, { key: 'title', sql: title }, ...rest];
}

function resolved(state: CompileState, object: string, name: string): ResolvedField {
  const def = findFieldOrSystem(state.set, object, name);
  if (!def) throw QueryError.unprocessable('', `unknown field "${name}" on ${object}`);
  return { object, name, def, joins: [] };
}

/** The manyToOne field on the target that points back (`inverseOf`, else the only one). */
function inverseField(state: CompileState, field: ResolvedField, def: RelationFieldDef): string {
  const back = Object.entries(findObject(state.set, def.target)?.fields ?? {})
    .filter(([name, d]) => isManyToOne(d) && d.target === field.object && (def.inverseOf === undefined || name === def.inverseOf));
  if (back.length !== 1) {
    throw QueryError.unprocessable('', `oneToMany "${field.name}" on ${field.object} needs inverseOf: a manyToOne on ${def.target} pointing back`);
  }
  return back[0]![0];
}

function userJson(state: CompileState, userId: string): string {
  const u = state.aliases.next('u');
  const col = (c: string) => quoteQualified(u, c);
  return `(SELECT json_build_object('id', ${col('id')}, 'title', ${col('name')}, 'name', ${col('name')}, 'email', ${col('email')})`
    + ` FROM ${quoteQualified('core', 'user')} AS ${quoteIdent(u)} WHERE ${col('id')} = ${userId})`;
}
