import { columnName, type FieldDef, type ObjectDef } from '@loom/metadata';

export interface StoredField {
  field: string;
  column: string;
  def: FieldDef;
}

/** Fields with a column of their own (not formula/rollup/oneToMany/manyToMany), archived ones included. */
export function storedFields(obj: ObjectDef): StoredField[] {
  const out: StoredField[] = [];
  for (const [field, def] of Object.entries(obj.fields)) {
    const column = columnName(field, def);
    if (column) out.push({ field, column, def });
  }
  return out;
}

export function manyToManyFields(obj: ObjectDef): { field: string; target: string }[] {
  return Object.entries(obj.fields)
    .filter(([, d]) => d.type === 'relation' && d.relationType === 'manyToMany' && !d.archived)
    .map(([field, d]) => ({ field, target: (d as { target: string }).target }));
}

/** A value as bound to its column: jsonb needs JSON text; everything else binds as is. */
export function columnValue(def: FieldDef, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (def.type === 'json') return value === null ? null : JSON.stringify(value);
  return value;
}
