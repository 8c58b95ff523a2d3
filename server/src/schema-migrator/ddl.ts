import { columnName, constraintName, joinTableName, JOIN_TABLE_COLUMNS, type FieldDef, type ObjectDef } from '@loom/metadata';
import { quoteIdent as q } from '../query/sql/quote-ident.js';
import { columnType } from './column-type.js';

/** DDL text for one change. Every identifier goes through quoteIdent; no value is ever inlined. */
export const table = (object: string): string => `${q('data')}.${q(object)}`;

export function createTable(object: string): string[] {
  return [
    `CREATE TABLE ${table(object)} (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "owner" uuid REFERENCES "core"."user"("id") ON DELETE SET NULL,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "created_by" uuid,
  "updated_by" uuid,
  "version" integer NOT NULL DEFAULT 1,
  "deleted_at" timestamptz
)`,
    `CREATE INDEX ${q(constraintName(object, ['owner'], 'idx'))} ON ${table(object)} ("owner")`,
    `CREATE INDEX ${q(constraintName(object, ['created_at', 'id'], 'idx'))} ON ${table(object)} ("created_at", "id")`,
  ];
}

const ON_DELETE = { restrict: 'RESTRICT', setNull: 'SET NULL', cascade: 'CASCADE' } as const;

/** ADD COLUMN without a volatile default: instant on any table size (STACK.md). */
export function addColumn(object: string, field: string, def: FieldDef): string[] {
  const column = columnName(field, def);
  const type = columnType(def);
  if (!column || !type) return [];
  let sql = `ALTER TABLE ${table(object)} ADD COLUMN ${q(column)} ${type}`;
  if (def.type === 'relation') {
    sql += ` REFERENCES ${table(def.target)} ("id") ON DELETE ${ON_DELETE[def.onDelete ?? 'restrict']}`;
  } else if (def.type === 'user') {
    sql += ` REFERENCES "core"."user" ("id") ON DELETE SET NULL`;
  }
  return [sql];
}

export function sequenceName(object: string, field: string): string {
  // same shortening rule as constraints, so long names never truncate into each other
  return constraintName(object, [field], 'idx').replace(/_idx$/, '_sq');
}

export function createSequence(object: string, field: string): string[] {
  return [`CREATE SEQUENCE ${q('data')}.${q(sequenceName(object, field))}`];
}

export function createJoinTable(object: string, field: string, target: string): string[] {
  const jt = joinTableName(object, field);
  const { source, target: targetCol } = JOIN_TABLE_COLUMNS;
  return [
    `CREATE TABLE ${table(jt)} (
  ${q(source)} uuid NOT NULL REFERENCES ${table(object)} ("id") ON DELETE CASCADE,
  ${q(targetCol)} uuid NOT NULL REFERENCES ${table(target)} ("id") ON DELETE CASCADE,
  PRIMARY KEY (${q(source)}, ${q(targetCol)})
)`,
    `CREATE INDEX ${q(constraintName(jt, [targetCol], 'idx'))} ON ${table(jt)} (${q(targetCol)})`,
  ];
}

/** Columns of the fields named (relations map to `<name>_id`); fields without a column are skipped. */
export function columnsOf(obj: ObjectDef, fields: string[]): string[] {
  return fields.flatMap((f) => {
    const def = obj.fields[f];
    const c = def ? columnName(f, def) : f; // system fields are their own column
    return c ? [c] : [];
  });
}

export function indexName(object: string, columns: string[], unique: boolean): string {
  return constraintName(object, columns, unique ? 'key' : 'idx');
}

/** Unique indexes ignore soft-deleted rows, so a deleted record never blocks a new one. */
export function createIndex(object: string, columns: string[], opts: { unique: boolean; concurrently: boolean }): string {
  const name = indexName(object, columns, opts.unique);
  return `CREATE ${opts.unique ? 'UNIQUE ' : ''}INDEX ${opts.concurrently ? 'CONCURRENTLY IF NOT EXISTS ' : ''}${q(name)} ON ${table(object)} (${columns.map(q).join(', ')})${opts.unique ? ' WHERE "deleted_at" IS NULL' : ''}`;
}

export function dropIndex(object: string, columns: string[], unique: boolean): string {
  return `DROP INDEX IF EXISTS ${q('data')}.${q(indexName(object, columns, unique))}`;
}

export function alterColumnType(object: string, column: string, to: string): string {
  return `ALTER TABLE ${table(object)} ALTER COLUMN ${q(column)} TYPE ${to} USING ${q(column)}::${to}`;
}

export function dropColumn(object: string, column: string): string {
  return `ALTER TABLE ${table(object)} DROP COLUMN IF EXISTS ${q(column)}`;
}

export function dropTable(object: string): string {
  return `DROP TABLE IF EXISTS ${table(object)}`;
}
