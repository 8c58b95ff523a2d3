import type { ObjectDef } from '@loom/metadata';
import type { FieldDefinition } from '@/fields/field-definition';
import type { FormValues } from './record-form-model';
import { formFieldNames, isWritable } from './record-form-model';

/**
 * Values a new record's form starts with from the address (`/o/deal/new?account=<id>`, as a related
 * list's "new" button opens it): only writable form fields, only single text values. A relation gets
 * `{ id, title }` when the opener passed the title along (history state), so the picker shows a name.
 */
export function prefillValues(object: ObjectDef, query: Record<string, unknown>, titles: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const name of formFieldNames(object)) {
    const raw = query[name];
    const field = object.fields[name] as FieldDefinition;
    if (typeof raw !== 'string' || raw === '' || !isWritable(field)) continue;
    const title = titles[name];
    const reference = field.type === 'relation' || field.type === 'user';
    values[name] = reference && typeof title === 'string' && title ? { id: raw, title } : raw;
  }
  return values;
}
