import { columnName, type FieldDef, type ObjectDef } from '@loom/metadata';

export interface StoredField {
  field: string;
  column: string;
  def: FieldDef;
}

interface Columns {
  stored: readonly StoredField[];
  byField: ReadonlyMap<string, string>;
  manyToMany: readonly { field: string; target: string }[];
}

/** Worked out once per object definition (a new revision has new ones; none is changed in place): writes ask every request. */
const columnsByObject = new WeakMap<ObjectDef, Columns>();
function columnsOf(obj: ObjectDef): Columns {
  let c = columnsByObject.get(obj);
  if (!c) {
    const stored: StoredField[] = [];
    for (const [field, def] of Object.entries(obj.fields)) {
      const column = columnName(field, def);
      if (column) stored.push({ field, column, def });
    }
    const manyToMany = Object.entries(obj.fields)
      .filter(([, d]) => d.type === 'relation' && d.relationType === 'manyToMany' && !d.archived)
      .map(([field, d]) => ({ field, target: (d as { target: string }).target }));
    c = { stored, byField: new Map([['owner', 'owner'], ...stored.map((s): [string, string] => [s.field, s.column])]), manyToMany };
    columnsByObject.set(obj, c);
  }
  return c;
}

/** Fields with a column of their own (not formula/rollup/oneToMany/manyToMany), archived ones included. */
export const storedFields = (obj: ObjectDef): readonly StoredField[] => columnsOf(obj).stored;

/** The column of each stored field and of `owner`, by field name. */
export const columnsByField = (obj: ObjectDef): ReadonlyMap<string, string> => columnsOf(obj).byField;

export const manyToManyFields = (obj: ObjectDef): readonly { field: string; target: string }[] => columnsOf(obj).manyToMany;

/** A value as bound to its column: jsonb needs JSON text; everything else binds as is. */
export function columnValue(def: FieldDef, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (def.type === 'json') return value === null ? null : JSON.stringify(value);
  return value;
}
