import type { FieldDef, MetadataSet, ObjectDef } from '@loom/metadata';

/** Types whose SQL equality (IS DISTINCT FROM on the column) is exactly recordChanges' equality. */
const SQL_COMPARABLE = new Set<FieldDef['type']>([
  'text', 'textarea', 'richtext', 'integer', 'number', 'currency', 'percent', 'boolean', 'date',
  'email', 'phone', 'url', 'select', 'multiselect', 'user', 'rating', 'tags',
]);

/**
 * Whether a PATCH of `fields` may be written as ONE statement that locks, compares, updates and writes
 * its history and event (RecordWriter.updateInOneStatement): nothing in Node needs the row before the
 * write. Not when the object has validation rules (they read the whole record) or approval processes
 * (a submission could lock the row between a read and the write), nor for fields whose change needs
 * more than a column compare: stage (stage rules and history), manyToMany links, datetime (compared at
 * millisecond precision in Node) and json (compared as text in Node).
 */
export function oneStatementUpdatable(set: MetadataSet, obj: ObjectDef, fields: string[]): boolean {
  if (obj.validations?.length) return false;
  if (Object.values(set.approvals ?? {}).some((a) => a.object === obj.name)) return false;
  return fields.every((f) => {
    if (f === 'owner') return true;
    const def = Object.hasOwn(obj.fields, f) ? obj.fields[f] : undefined;
    if (!def || def.archived) return false;
    return SQL_COMPARABLE.has(def.type) || (def.type === 'relation' && (def.relationType ?? 'manyToOne') === 'manyToOne');
  });
}
