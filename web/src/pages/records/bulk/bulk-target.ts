import type { ConditionJson, ObjectDef } from '@loom/metadata';
import type { BulkRowError } from '@/api/bulk-records';
import type { RecordData } from '@/api/records';
import type { FieldDefinition } from '@/fields/field-definition';
import { fieldTypeOf } from '@/fields/registry';
import { labelOf } from '@/i18n/label-of';

/** What a bulk action applies to: the ticked rows, or every record the list's filter matches. */
export type BulkTarget = { kind: 'selected'; rows: RecordData[] } | { kind: 'matching'; filter: ConditionJson | null; total: number | null };

/** The filter that selects the target on the server (`{}` = every record the caller may read). */
export function targetFilter(target: BulkTarget): ConditionJson {
  if (target.kind === 'selected') return { id: { $in: target.rows.map((row) => row.id) } } as ConditionJson;
  return target.filter ?? ({} as ConditionJson);
}

/** A field bulk edit may set. */
export interface BulkField {
  name: string;
  label: string;
  field: FieldDefinition;
}

/**
 * Fields one value can be written to on many records: live, visible, writable, stored on the
 * record (not computed, not a oneToMany inverse) and not unique (one value on many rows would clash).
 */
export function bulkEditableFields(object: ObjectDef, locale: string): BulkField[] {
  return Object.entries(object.fields ?? {})
    .filter(([, def]) => {
      const field = def as FieldDefinition & { unique?: boolean };
      return !field.archived && !field.hidden && !field.readOnly && !field.unique && field.relationType !== 'oneToMany' && !fieldTypeOf(field.type).computed;
    })
    .map(([name, def]) => ({ name, label: labelOf(def.label, locale, name), field: def as FieldDefinition }));
}

/** One failed row for the errors table: which record (its title when the list shows it) and why. */
export interface RowErrorLine {
  key: string;
  record: string;
  messages: string[];
}

export function rowErrorLines(errors: readonly BulkRowError[], rows: readonly RecordData[], titleField: string): RowErrorLine[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return errors.map((error) => {
    const row = error.id ? byId.get(error.id) : undefined;
    const title = row?.[titleField];
    return {
      key: `${error.index}:${error.id ?? ''}`,
      record: typeof title === 'string' && title ? title : (error.id ?? `#${error.index + 1}`),
      messages: error.errors.map((e) => (e.path && e.path !== '/' ? `${e.path.replace(/^\//, '')}: ${e.message}` : e.message)),
    };
  });
}
