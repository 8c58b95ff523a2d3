import { layoutFieldName } from '@loom/metadata';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import { referenceId } from '@/api/reference';
import type { Reference } from '@/api/reference';
import type { RecordData } from '@/api/records';
import type { FieldDefinition } from '@/fields/field-definition';
import { fieldTypeOf } from '@/fields/registry';
import type { Label } from '@/i18n/label-of';

/** One block of the form: a layout section, or the whole object when it has no layout. */
export interface FormSection {
  name: string;
  /** null: the form's only section, shown without a heading. */
  label: Label | null;
  columns: number;
  fields: string[];
}

export type FormValues = Record<string, unknown>;

/** A deep copy of JSON data; unlike structuredClone it accepts Vue's reactive proxies. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The fields a record form shows: live, not hidden, and not a oneToMany inverse (that is a related list). */
export function formFieldNames(object: ObjectDef): string[] {
  return Object.entries(object.fields ?? {})
    .filter(([, field]) => !field.archived && !field.hidden && (field as FieldDefinition).relationType !== 'oneToMany')
    .map(([name]) => name);
}

/** Written by people (not computed by the server, not read-only). */
export function isWritable(field: FieldDefinition): boolean {
  return !fieldTypeOf(field.type).computed && !field.readOnly;
}

/**
 * The form's sections: the layout's, keeping only fields the form shows, plus an "other
 * fields" section for the rest (a required field missing from a layout must stay reachable);
 * without a layout, one section with every field.
 */
export function formSections(object: ObjectDef, layout: LayoutDef | undefined): FormSection[] {
  const shown = formFieldNames(object);
  if (!layout?.sections?.length) return [{ name: 'main', label: null, columns: 2, fields: shown }];
  const placed = new Set<string>();
  const sections: FormSection[] = [];
  for (const section of layout.sections) {
    const fields = section.fields.map(layoutFieldName).filter((name) => shown.includes(name) && !placed.has(name));
    fields.forEach((name) => placed.add(name));
    if (fields.length) sections.push({ name: section.name, label: section.label ?? section.name, columns: section.columns ?? 2, fields });
  }
  const rest = shown.filter((name) => !placed.has(name));
  if (rest.length) sections.push({ name: 'other', label: null, columns: 2, fields: rest });
  return sections;
}

const VARIABLE_DEFAULTS = new Set(['$today', '$now']);

/** A new record starts from the fields' defaults (`$today`/`$now` are the server's to fill in). */
export function newRecordValues(object: ObjectDef): FormValues {
  const values: FormValues = {};
  for (const name of formFieldNames(object)) {
    const field = object.fields[name] as FieldDefinition & { default?: unknown };
    if (field.default !== undefined && !VARIABLE_DEFAULTS.has(field.default as string)) {
      values[name] = cloneJson(field.default);
    } else {
      values[name] = null;
    }
  }
  return values;
}

/** An existing record's values for its form fields (expanded relations kept, for their titles). */
export function recordValues(object: ObjectDef, record: RecordData): FormValues {
  const values: FormValues = {};
  for (const name of formFieldNames(object)) values[name] = record[name] ?? null;
  return values;
}

/** What the API takes for a value: relation references become ids. */
function wireValue(field: FieldDefinition, value: unknown): unknown {
  if (field.type !== 'relation' && field.type !== 'user') return value;
  if (Array.isArray(value)) return value.map((item) => referenceId(item as Reference));
  return value === null || value === undefined ? null : referenceId(value as Reference);
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/** The body of a create: writable fields that hold something and that the layout shows. */
export function createBody(object: ObjectDef, values: FormValues, hidden = NOTHING_HIDDEN): FormValues {
  const body: FormValues = {};
  for (const name of formFieldNames(object)) {
    const field = object.fields[name] as FieldDefinition;
    if (!isWritable(field) || isBlank(values[name]) || hidden.has(name)) continue;
    body[name] = wireValue(field, values[name]);
  }
  return body;
}

/** The body of a partial update: the shown writable fields whose value changed (cleared ones as null). */
export function changedBody(object: ObjectDef, original: FormValues, values: FormValues, hidden = NOTHING_HIDDEN): FormValues {
  const body: FormValues = {};
  for (const name of formFieldNames(object)) {
    const field = object.fields[name] as FieldDefinition;
    if (!isWritable(field) || hidden.has(name)) continue;
    const before = wireValue(field, isBlank(original[name]) ? null : original[name]);
    const after = wireValue(field, isBlank(values[name]) ? null : values[name]);
    if (JSON.stringify(before) !== JSON.stringify(after)) body[name] = after;
  }
  return body;
}

/** Relation values the answer sent as bare ids, kept as the `{ id, title }` the form already had. */
export function keepExpanded(fields: Record<string, { type: string }>, current: FormValues, saved: RecordData): FormValues {
  const kept: FormValues = {};
  for (const [name, field] of Object.entries(fields)) {
    const had = current[name] as { id?: string } | null;
    const reference = field.type === 'relation' || field.type === 'user';
    if (reference && typeof saved[name] === 'string' && had && typeof had === 'object' && had.id === saved[name]) {
      kept[name] = had;
    }
  }
  return kept;
}
