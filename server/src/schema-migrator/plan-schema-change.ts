import { columnName, type FieldDef, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { quoteIdent as q } from '../query/sql/quote-ident.js';
import { columnType, losslessConversion } from './column-type.js';
import * as ddl from './ddl.js';
import type { SchemaAction } from './schema-action.js';

export interface PlanOptions {
  /** Drop archived/removed fields and objects for real (DELETE …?purge=true). */
  purge?: boolean;
  /** Objects whose tables already hold rows: their new indexes are built CONCURRENTLY after commit. */
  populated?: Set<string>;
}

export class PlanRefused extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

/** Flags not every field type declares. */
const flag = (d: FieldDef, k: 'unique' | 'required' | 'indexed'): boolean => !!(d as unknown as Record<string, unknown>)[k];

const isM2O = (d: FieldDef) => d.type === 'relation' && (d.relationType ?? 'manyToOne') === 'manyToOne';
const isM2M = (d: FieldDef) => d.type === 'relation' && d.relationType === 'manyToMany';

/**
 * Metadata before → after, as the ordered DDL that makes the database match. Pure: the caller runs
 * `check` queries first (tightening), then `sql` in one transaction, then `after` outside it.
 * Refused conversions throw PlanRefused with a path per field.
 */
export function planSchemaChange(before: MetadataSet, after: MetadataSet, options: PlanOptions = {}): SchemaAction[] {
  const refused: { path: string; message: string }[] = [];
  const tables: SchemaAction[] = [], columns: SchemaAction[] = [], joins: SchemaAction[] = [];
  const changes: SchemaAction[] = [], indexes: SchemaAction[] = [], removals: SchemaAction[] = [];

  for (const [name, obj] of Object.entries(after.objects)) {
    const old = before.objects[name];
    const path = `/objects/${name}`;
    if (!old) {
      tables.push({ kind: 'createTable', class: 'safe', path, description: `Create table for object ${name}`, sql: ddl.createTable(name) });
    } else if (old.archived && !obj.archived) {
      changes.push({ kind: 'metadataOnly', class: 'safe', path, description: `Restore archived object ${name}`, sql: [] });
    } else if (!old.archived && obj.archived) {
      removals.push({ kind: 'archiveObject', class: 'destructive', path, description: `Archive object ${name} (table and data kept, hidden from the API)`, sql: [] });
    }
    const populated = !!old && (options.populated?.has(name) ?? true);
    for (const [field, def] of Object.entries(obj.fields)) {
      const fpath = `${path}/fields/${field}`;
      const prev = old?.fields[field];
      if (!prev) {
        columns.push(...addField(name, field, def, fpath));
        if (isM2M(def)) joins.push({ kind: 'createJoinTable', class: 'safe', path: fpath, description: `Create join table for ${name}.${field}`, sql: ddl.createJoinTable(name, field, (def as { target: string }).target) });
        if (isM2O(def) || def.type === 'user' || flag(def, 'unique') || flag(def, 'indexed')) indexes.push(fieldIndex(name, field, def, populated, fpath));
        continue;
      }
      if (prev.archived !== def.archived) {
        if (def.archived) removals.push({ kind: 'archiveField', class: 'destructive', path: fpath, description: `Archive field ${name}.${field} (column and data kept, hidden from the API)`, sql: [] });
        else changes.push({ kind: 'restoreField', class: 'safe', path: fpath, description: `Restore archived field ${name}.${field}`, sql: [] });
      }
      if (prev.type !== def.type) {
        const verdict = losslessConversion(prev, def);
        if (!verdict.ok) refused.push({ path: `${fpath}/type`, message: verdict.reason });
        else changes.push(...changeType(name, field, prev, def, fpath));
        continue;
      }
      changes.push(...tighten(name, obj, field, prev, def, fpath));
      if (flag(prev, 'unique') !== flag(def, 'unique') || flag(prev, 'indexed') !== flag(def, 'indexed')) {
        const col = columnName(field, def);
        if (col && flag(prev, 'unique') && !flag(def, 'unique')) indexes.push({ kind: 'dropIndex', class: 'safe', path: fpath, description: `Drop unique index on ${name}.${field}`, sql: [ddl.dropIndex(name, [col], true)] });
        if (col && (flag(def, 'unique') || flag(def, 'indexed')) && !(flag(prev, 'unique') || flag(prev, 'indexed'))) indexes.push(fieldIndex(name, field, def, populated, fpath));
      }
    }
    if (old) {
      for (const field of Object.keys(old.fields)) {
        if (!obj.fields[field]) removals.push(...removeField(name, field, old.fields[field], `${path}/fields/${field}`, options));
      }
    }
    indexes.push(...compositeIndexes(name, old, obj, populated, path));
  }
  for (const [name, old] of Object.entries(before.objects)) {
    if (after.objects[name]) continue;
    const path = `/objects/${name}`;
    if (!options.purge) throw new PlanRefused([{ path, message: 'objects are archived, not removed; use DELETE or ?purge=true' }]);
    removals.push({ kind: 'dropTable', class: 'destructive', path, description: `Drop table of object ${name} and all its rows`, sql: [
      ...Object.entries(old.fields).filter(([, d]) => isM2M(d)).map(([f]) => ddl.dropTable(`${name}__${f}`)),
      ddl.dropTable(name),
    ] });
  }
  if (refused.length) throw new PlanRefused(refused);
  return [...tables, ...columns, ...joins, ...changes, ...dedupeIndexes(indexes), ...removals];
}

/** A field flagged `indexed` may also be listed in `indexes`: build each index once. */
function dedupeIndexes(actions: SchemaAction[]): SchemaAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    if (a.kind !== 'createIndex') return true;
    const key = (a.sql[0] ?? a.after?.[0] ?? '').replace('CONCURRENTLY IF NOT EXISTS ', '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function addField(object: string, field: string, def: FieldDef, path: string): SchemaAction[] {
  const out: SchemaAction[] = [];
  const sql = ddl.addColumn(object, field, def);
  if (sql.length) out.push({ kind: 'addColumn', class: 'safe', path, description: `Add ${def.type} field ${object}.${field}`, sql });
  else out.push({ kind: 'metadataOnly', class: 'safe', path, description: `Add ${def.type} field ${object}.${field} (computed, no column)`, sql: [] });
  if (def.type === 'autonumber') out.push({ kind: 'createSequence', class: 'safe', path, description: `Create the counter of ${object}.${field}`, sql: ddl.createSequence(object, field) });
  return out;
}

function fieldIndex(object: string, field: string, def: FieldDef, populated: boolean, path: string): SchemaAction {
  const col = columnName(field, def)!;
  const unique = flag(def, 'unique');
  const sql = ddl.createIndex(object, [col], { unique, concurrently: populated && !unique });
  if (populated && !unique) {
    return { kind: 'createIndex', class: 'safe', path, description: `Index ${object}.${field} (built concurrently after publish)`, sql: [], after: [sql] };
  }
  const check = unique && populated ? {
    sql: `SELECT count(*)::int AS n FROM (SELECT ${q(col)} FROM ${ddl.table(object)} WHERE "deleted_at" IS NULL AND ${q(col)} IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`,
    message: 'values are duplicated in existing records',
  } : undefined;
  return { kind: 'createIndex', class: unique && populated ? 'breaking' : 'safe', path, description: `${unique ? 'Unique index' : 'Index'} on ${object}.${field}`, sql: [sql], check };
}

function changeType(object: string, field: string, from: FieldDef, to: FieldDef, path: string): SchemaAction[] {
  const col = columnName(field, from);
  const fromType = columnType(from), toType = columnType(to);
  if (!col || !toType || fromType === toType) return [{ kind: 'metadataOnly', class: 'safe', path, description: `Change ${object}.${field} from ${from.type} to ${to.type} (same storage)`, sql: [] }];
  const widening = /^varchar/.test(fromType ?? '') && (toType === 'text' || /^varchar/.test(toType));
  return [{
    kind: 'alterColumnType', class: widening ? 'safe' : 'breaking', path,
    description: `Change ${object}.${field} from ${from.type} to ${to.type}${widening ? '' : ' (rewrites the table)'}`,
    sql: [ddl.alterColumnType(object, col, toType)],
  }];
}

/** required, maxLength and options tightened on existing data are checked first. */
function tighten(object: string, obj: ObjectDef, field: string, prev: FieldDef, def: FieldDef, path: string): SchemaAction[] {
  const col = columnName(field, def);
  if (!col) return [];
  const out: SchemaAction[] = [];
  const t = ddl.table(object);
  if (flag(def, 'required') && !flag(prev, 'required')) {
    out.push({ kind: 'tightenConstraint', class: 'breaking', path: `${path}/required`, description: `Make ${object}.${field} required`, sql: [],
      check: { sql: `SELECT count(*)::int AS n FROM ${t} WHERE "deleted_at" IS NULL AND ${q(col)} IS NULL`, message: 'records have no value' } });
  }
  const maxPrev = (prev as { maxLength?: number }).maxLength, maxNext = (def as { maxLength?: number }).maxLength;
  if (maxNext !== maxPrev && def.type === 'text') {
    const narrower = (maxNext ?? 255) < (maxPrev ?? 255);
    out.push({
      kind: narrower ? 'tightenConstraint' : 'widenColumn', class: narrower ? 'breaking' : 'safe', path: `${path}/maxLength`,
      description: `${narrower ? 'Shorten' : 'Widen'} ${object}.${field} to ${maxNext ?? 255} characters`,
      sql: [ddl.alterColumnType(object, col, columnType(def)!)],
      ...(narrower ? { check: { sql: `SELECT count(*)::int AS n FROM ${t} WHERE char_length(${q(col)}) > ${Number(maxNext ?? 255)}`, message: `records are longer than ${maxNext ?? 255} characters` } } : {}),
    });
  } else if (maxNext !== undefined && maxNext !== maxPrev && maxNext < (maxPrev ?? Infinity)) {
    out.push({ kind: 'tightenConstraint', class: 'breaking', path: `${path}/maxLength`, description: `Limit ${object}.${field} to ${maxNext} characters`, sql: [],
      check: { sql: `SELECT count(*)::int AS n FROM ${t} WHERE "deleted_at" IS NULL AND char_length(${q(col)}) > ${Number(maxNext)}`, message: `records are longer than ${maxNext} characters` } });
  }
  if ((def.type === 'select' || def.type === 'multiselect') && prev.type === def.type) {
    const keep = new Set(def.options.map((o) => o.key));
    const dropped = prev.options.map((o) => o.key).filter((k) => !keep.has(k));
    if (dropped.length) {
      out.push({ kind: 'metadataOnly', class: 'breaking', path: `${path}/options`, description: `Remove option(s) ${dropped.join(', ')} of ${object}.${field}; existing values stay readable`, sql: [] });
    }
  }
  void obj;
  return out;
}

function removeField(object: string, field: string, def: FieldDef, path: string, options: PlanOptions): SchemaAction[] {
  if (!options.purge) throw new PlanRefused([{ path, message: 'fields are archived, not removed; use DELETE or ?purge=true' }]);
  const col = columnName(field, def);
  const sql = isM2M(def) ? [ddl.dropTable(`${object}__${field}`)] : col ? [ddl.dropColumn(object, col)] : [];
  if (def.type === 'autonumber') sql.push(`DROP SEQUENCE IF EXISTS ${q('data')}.${q(ddl.sequenceName(object, field))}`);
  return [{ kind: isM2M(def) ? 'dropTable' : 'dropColumn', class: 'destructive', path, description: `Purge field ${object}.${field} and its data`, sql }];
}

function compositeIndexes(name: string, old: ObjectDef | undefined, obj: ObjectDef, populated: boolean, path: string): SchemaAction[] {
  const out: SchemaAction[] = [];
  const key = (cols: string[]) => cols.join(',');
  for (const [list, unique] of [[obj.unique ?? [], true], [obj.indexes ?? [], false]] as const) {
    const prevList = (unique ? old?.unique : old?.indexes) ?? [];
    const prevKeys = new Set(prevList.map(key));
    const nextKeys = new Set(list.map(key));
    list.forEach((fields, i) => {
      if (prevKeys.has(key(fields))) return;
      const cols = ddl.columnsOf(obj, fields);
      const sql = ddl.createIndex(name, cols, { unique, concurrently: populated && !unique });
      const p = `${path}/${unique ? 'unique' : 'indexes'}/${i}`;
      if (populated && !unique) out.push({ kind: 'createIndex', class: 'safe', path: p, description: `Index ${name} (${fields.join(', ')}) concurrently after publish`, sql: [], after: [sql] });
      else out.push({ kind: 'createIndex', class: unique && populated ? 'breaking' : 'safe', path: p, description: `${unique ? 'Unique index' : 'Index'} on ${name} (${fields.join(', ')})`, sql: [sql],
        ...(unique && populated ? { check: { sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${ddl.table(name)} WHERE "deleted_at" IS NULL GROUP BY ${cols.map(q).join(', ')} HAVING count(*) > 1) d`, message: 'combinations are duplicated in existing records' } } : {}) });
    });
    prevList.forEach((fields, i) => {
      if (nextKeys.has(key(fields)) || !old) return;
      out.push({ kind: 'dropIndex', class: 'safe', path: `${path}/${unique ? 'unique' : 'indexes'}/${i}`, description: `Drop ${unique ? 'unique ' : ''}index on ${name} (${fields.join(', ')})`, sql: [ddl.dropIndex(name, ddl.columnsOf(old, fields), unique)] });
    });
  }
  return out;
}
