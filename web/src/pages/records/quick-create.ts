import type { LayoutDef, ObjectDef } from '@loom/metadata';
import type { FieldDefinition } from '@/fields/field-definition';
import { formFieldNames, formSections, isWritable } from './record-form-model';
import type { FormSection } from './record-form-model';

/**
 * The quick-create form of the list page: the first layout section's writable fields, then every
 * other required writable field (a create without them would only answer 422), as one section.
 */
export function quickCreateSection(object: ObjectDef, layout: LayoutDef | undefined): FormSection {
  const writable = (name: string) => isWritable(object.fields[name] as FieldDefinition);
  const first = formSections(object, layout)[0];
  const fields = (layout?.sections?.length ? (first?.fields ?? []) : []).filter(writable);
  for (const name of formFieldNames(object)) {
    if (!fields.includes(name) && writable(name) && (object.fields[name] as FieldDefinition).required) fields.push(name);
  }
  // Without a layout, the required fields alone; with nothing required either, the title field.
  if (fields.length === 0 && object.titleField && writable(object.titleField) && formFieldNames(object).includes(object.titleField)) fields.push(object.titleField);
  return { name: 'quick', label: null, columns: 2, fields };
}

/** The row class of the list's table: the record just created stands out. */
export function highlightRowClass(highlightId: string | null) {
  return ({ row }: { row: { id?: unknown } }) => (highlightId && row.id === highlightId ? 'row-created' : '');
}
