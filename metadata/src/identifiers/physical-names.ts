import type { FieldDef } from '../types/field-def.js';

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Physical naming, shared by the validator (length checks) and the server (DDL):
 * - an object's table is named after the object;
 * - a manyToOne relation `account` is stored in column `account_id`;
 * - oneToMany relations, formulas and rollups have no column;
 * - other fields are stored in a column named after the field;
 * - a manyToMany field `tags` on `contact` uses join table `contact__tags`
 *   with columns `source_id` (this object) and `target_id` (the target).
 */
export function tableName(object: string): string {
  return object;
}

/** The column of a field, or undefined when it has none. */
export function columnName(field: string, def: Pick<FieldDef, 'type'> & { relationType?: string }): string | undefined {
  if (def.type === 'formula' || def.type === 'rollup') return undefined;
  if (def.type === 'relation') {
    const rt = def.relationType ?? 'manyToOne';
    return rt === 'manyToOne' ? `${field}_id` : undefined;
  }
  return field;
}

export function joinTableName(object: string, field: string): string {
  return `${object}__${field}`;
}

export const JOIN_TABLE_COLUMNS = { source: 'source_id', target: 'target_id' } as const;

/** Byte length in UTF-8 (identifiers are ASCII, but a bad one may not be). */
export function byteLength(name: string): number {
  return new TextEncoder().encode(name).length;
}

/**
 * A constraint or index name: `<table>_<columns>_<suffix>`, shortened with a stable
 * hash when it would pass 63 bytes, so two long names never truncate into one.
 */
export function constraintName(table: string, columns: string[], suffix: 'key' | 'idx' | 'fkey'): string {
  const plain = `${table}_${columns.join('_')}_${suffix}`;
  if (byteLength(plain) <= MAX_IDENTIFIER_BYTES) return plain;
  const hash = fnv1a(plain).toString(16).padStart(8, '0');
  return `${plain.slice(0, MAX_IDENTIFIER_BYTES - hash.length - suffix.length - 2)}_${hash}_${suffix}`;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
