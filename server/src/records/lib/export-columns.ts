import { findFieldOrSystem, findObject, labelText, type FieldDef, type Locale, type MetadataSet, type SystemFieldDef } from '@loom/metadata';
import { escapeFormula } from './escape-formula.js';

export interface ExportColumn {
  /** Dotted path as requested (`account.name`). */
  path: string;
  /** `Account / Name (account.name)` in the caller's locale. */
  header: string;
}

export type Cell = string | number | null;

/** Header of each exported path: the labels along the path in `locale` (else English), then the path itself. */
export function exportColumns(set: MetadataSet, object: string, paths: string[], locale: Locale): ExportColumn[] {
  return paths.map((path) => {
    const labels: string[] = [];
    let current: string | undefined = object;
    for (const segment of path.split('.')) {
      const def: FieldDef | SystemFieldDef | undefined = current ? findFieldOrSystem(set, current, segment) : undefined;
      labels.push(labelText(def?.label, locale) ?? segment);
      current = def && def.type === 'relation' ? def.target : undefined;
    }
    return { path, header: `${labels.join(' / ')} (${path})` };
  });
}

/**
 * One exported cell: an expanded relation is its title (several joined by `; `), arrays are
 * joined, JSON is its text, numbers stay numbers, and text is escaped against formulas.
 */
export function exportCell(record: Record<string, unknown>, path: string): Cell {
  let value: unknown = record;
  for (const segment of path.split('.')) value = isObject(value) ? value[segment] : undefined;
  return cellOf(value);
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return escapeFormula(value);
  if (Array.isArray(value)) return escapeFormula(value.map((v) => (isRecordRef(v) ? titleOf(v) : plain(v))).join('; '));
  if (isRecordRef(value)) return escapeFormula(titleOf(value));
  return escapeFormula(JSON.stringify(value));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRecordRef = (v: unknown): v is { id: unknown; title?: unknown } => isObject(v) && 'id' in v && 'title' in v;
const titleOf = (v: { id: unknown; title?: unknown }) => String(v.title ?? v.id);
const plain = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** `account-2026-11-30.csv`. */
export function exportFilename(object: string, format: 'csv' | 'xlsx', now = new Date()): string {
  return `${object}-${now.toISOString().slice(0, 10)}.${format}`;
}

/** The object's label in `locale`, as the worksheet name (Excel allows 31 characters, no `[]:*?/\`). */
export function sheetName(set: MetadataSet, object: string, locale: Locale): string {
  const label = labelText(findObject(set, object)?.label, locale) ?? object;
  return label.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || object;
}
