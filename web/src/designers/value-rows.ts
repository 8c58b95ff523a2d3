import type { FieldDef } from '@loom/metadata';
import { cloneJson } from './label-form';

/** A key/value pair (record values, webhook headers); `original` keeps a value's JSON type until it is edited. */
export interface ValueRow {
  uid: number;
  key: string;
  text: string;
  original?: unknown;
}

let lastUid = 0;
const nextUid = () => (lastUid += 1);

/** How a value shows in a text box: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

export function valueRow(key = '', value: unknown = ''): ValueRow {
  return { uid: nextUid(), key, text: valueText(value), original: value };
}

const NUMERIC = new Set(['integer', 'number', 'currency', 'percent', 'rating']);

/**
 * The document value of a row: the original while its text is unchanged; else numbers for numeric
 * fields and true/false for boolean ones when the text says so (templates stay text).
 */
export function rowValue(row: ValueRow, field?: Pick<FieldDef, 'type'>): unknown {
  if (row.original !== undefined && valueText(row.original) === row.text) return cloneJson(row.original);
  const text = row.text;
  if (field && NUMERIC.has(field.type) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  if (field?.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Rows of a `{ field: value }` map, in its order. */
export function valueRows(values: Record<string, unknown> | undefined): ValueRow[] {
  return Object.entries(values ?? {}).map(([key, value]) => valueRow(key, value));
}

/** The `{ field: value }` map of rows with a key, each value typed by its field. */
export function valuesFromRows(rows: ValueRow[], field: (name: string) => Pick<FieldDef, 'type'> | undefined = () => undefined): Record<string, unknown> {
  return Object.fromEntries(rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), rowValue(row, field(row.key.trim()))]));
}
