import { SYSTEM_FIELD_DEFS } from '@loom/metadata';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import type { FieldDefinition } from '@/fields/field-definition';
import { fieldTypeOf } from '@/fields/registry';
import { labelOf } from '@/i18n/label-of';

/** A column the list can show: an object field or one of the system columns people look at. */
export interface ListColumn {
  name: string;
  label: string;
  field: FieldDefinition;
  sortable: boolean;
  align: 'left' | 'right';
}

const SYSTEM_COLUMNS = ['owner', 'created_at', 'updated_at'] as const;
const UNSORTABLE_TYPES = new Set(['multiselect', 'tags', 'json']);
const DEFAULT_COLUMN_COUNT = 6;
const STORAGE_PREFIX = 'loom.columns.';

/** A field people read in a list: live, not hidden, and holding a value (not a oneToMany inverse). */
export function isListable(field: FieldDefinition): boolean {
  return !field.archived && !field.hidden && field.relationType !== 'oneToMany';
}

function isSortable(field: FieldDefinition): boolean {
  return !UNSORTABLE_TYPES.has(field.type) && !(field.type === 'relation' && field.relationType === 'manyToMany');
}

function column(name: string, field: FieldDefinition, locale: string): ListColumn {
  return {
    name,
    label: labelOf(field.label, locale, name),
    field,
    sortable: isSortable(field),
    align: fieldTypeOf(field.type).align ?? 'left',
  };
}

/** Every column of an object, its own fields first (in definition order), then owner and dates. */
export function availableColumns(object: ObjectDef, locale: string): ListColumn[] {
  const own = Object.entries(object.fields ?? {})
    .filter(([, field]) => isListable(field))
    .map(([name, field]) => column(name, field, locale));
  const system = SYSTEM_COLUMNS.filter((name) => !object.fields?.[name]).map((name) => {
    const def = SYSTEM_FIELD_DEFS[name]!;
    return column(name, { type: def.type, label: def.label }, locale);
  });
  return [...own, ...system];
}

/** The layout's list columns, else the title field and the next few fields. */
export function defaultColumnNames(object: ObjectDef, layout: LayoutDef | undefined, available: readonly ListColumn[]): string[] {
  const names = new Set(available.map((candidate) => candidate.name));
  const fromLayout = (layout?.list?.columns ?? []).filter((name) => names.has(name));
  if (fromLayout.length) return fromLayout;
  const own = available.filter((candidate) => !(SYSTEM_COLUMNS as readonly string[]).includes(candidate.name)).map((c) => c.name);
  const ordered = own.includes(object.titleField) ? [object.titleField, ...own.filter((name) => name !== object.titleField)] : own;
  return ordered.slice(0, DEFAULT_COLUMN_COUNT);
}

/** The columns the user chose for this object on this browser, or null when they never chose. */
export function storedColumnNames(objectName: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + objectName) ?? 'null');
    return Array.isArray(parsed) && parsed.every((name) => typeof name === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export function storeColumnNames(objectName: string, names: readonly string[] | null): void {
  if (names === null) localStorage.removeItem(STORAGE_PREFIX + objectName);
  else localStorage.setItem(STORAGE_PREFIX + objectName, JSON.stringify(names));
}

/** The chosen columns that still exist (a field may have been archived since), else the default. */
export function visibleColumns(available: readonly ListColumn[], chosen: readonly string[] | null, fallback: readonly string[]): ListColumn[] {
  const byName = new Map(available.map((candidate) => [candidate.name, candidate]));
  const pick = (names: readonly string[]) => names.map((name) => byName.get(name)).filter((c): c is ListColumn => !!c);
  const fromChoice = chosen ? pick(chosen) : [];
  return fromChoice.length ? fromChoice : pick(fallback);
}

/** Relation and user columns are asked for with `expand`, so cells show a title or name, not an id. */
export function expandedColumns(columns: readonly ListColumn[]): string[] {
  return columns.filter((candidate) => isExpandable(candidate.field)).map((candidate) => candidate.name).slice(0, 10);
}

/** A value the API can replace by `{ id, title, … }` (API.md "Records", `expand`). */
export function isExpandable(field: FieldDefinition): boolean {
  return field.type === 'user' || (field.type === 'relation' && field.relationType !== 'oneToMany');
}

export type SortOrder = 'ascending' | 'descending';

/** Element Plus table sort → the API's `sort` (`-amount` = descending). */
export function sortParam(prop: string | null | undefined, order: SortOrder | null | undefined): string | null {
  if (!prop || !order) return null;
  return order === 'descending' ? `-${prop}` : prop;
}

/** The API's `sort` (first key only) → what the table shows as sorted. */
export function tableSort(sort: string | null | undefined): { prop: string; order: SortOrder } | undefined {
  const first = sort?.split(',')[0]?.trim();
  if (!first) return undefined;
  return first.startsWith('-') ? { prop: first.slice(1), order: 'descending' } : { prop: first, order: 'ascending' };
}
