import { columnName } from '../identifiers/physical-names.js';
import { isSystemField } from '../identifiers/system-fields.js';
import { ownValue } from '../json/is-record.js';
import { pointer } from '../json/json-pointer.js';
import type { FieldDef } from '../types/field-def.js';
import type { ObjectDef } from '../types/object-def.js';
import { checkFieldDefinition } from './check-field-definition.js';
import type { ErrorList } from './metadata-error.js';

/** PostgreSQL allows 1,600 columns per table, counting dropped ones; archived fields keep theirs. */
export const MAX_FIELDS_PER_OBJECT = 500;

const SEARCHABLE = new Set(['text', 'textarea', 'richtext', 'email', 'phone', 'url', 'autonumber']);
const NO_TITLE = new Set(['json', 'multiselect', 'tags']);

/** Checks an object document on its own (after the schema passed). */
export function checkObjectDocument(doc: ObjectDef, errors: ErrorList): void {
  const entries = Object.entries(doc.fields);
  if (entries.length > MAX_FIELDS_PER_OBJECT) {
    errors.add('/fields', `${entries.length} fields (archived included); an object may have at most ${MAX_FIELDS_PER_OBJECT} ` +
      '(PostgreSQL allows 1,600 columns, counting dropped ones)', 'too_many_fields');
  }
  const columns = new Map<string, string>();
  for (const [name, field] of entries) {
    checkFieldDefinition(name, field, pointer('fields', name), errors);
    const column = columnName(name, field);
    if (column === undefined) continue;
    const owner = columns.get(column);
    if (owner !== undefined) {
      errors.add(pointer('fields', column === name ? name : owner), `column "${column}" is used by both "${owner}" and "${name}"`, 'column_collision');
    }
    columns.set(column, name);
  }

  const field = (name: string): FieldDef | undefined => ownValue(doc.fields, name);
  const title = field(doc.titleField);
  if (!title && !isSystemField(doc.titleField)) {
    errors.add('/titleField', `unknown field "${doc.titleField}"`, 'unknown_field');
  } else if (title && (NO_TITLE.has(title.type) || (title.type === 'relation' && columnName(doc.titleField, title) === undefined))) {
    errors.add('/titleField', `a ${title.type} field cannot be the title`, 'invalid_reference');
  }
  doc.searchFields?.forEach((name, i) => {
    const f = field(name);
    if (!f) errors.add(pointer('searchFields', i), `unknown field "${name}"`, 'unknown_field');
    else if (!SEARCHABLE.has(f.type)) errors.add(pointer('searchFields', i), `a ${f.type} field cannot be searched as text`, 'invalid_reference');
  });

  // Unique constraints, indexes and duplicate rules need stored columns.
  const columnsOf = (list: string[], at: string, allowSystem: boolean): void => {
    list.forEach((name, j) => {
      const f = field(name);
      if (f ? columnName(name, f) !== undefined : allowSystem && isSystemField(name)) return;
      const message = f ? `${f.type} field "${name}" has no column` : `unknown field "${name}"`;
      errors.add(at + pointer(j), message, f ? 'invalid_reference' : 'unknown_field');
    });
  };
  doc.unique?.forEach((fields, i) => columnsOf(fields, pointer('unique', i), false));
  doc.indexes?.forEach((fields, i) => columnsOf(fields, pointer('indexes', i), true));
  doc.duplicateRules?.forEach((rule, i) => columnsOf(rule.match, pointer('duplicateRules', i, 'match'), true));

  const names = new Set<string>();
  doc.validations?.forEach((v, i) => {
    if (names.has(v.name)) errors.add(pointer('validations', i, 'name'), `duplicate validation "${v.name}"`, 'duplicate_name');
    names.add(v.name);
  });
}
