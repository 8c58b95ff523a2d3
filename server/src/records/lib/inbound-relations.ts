import { columnName, isManyToOne, joinTableName, type MetadataSet, type RelationFieldDef } from '@loom/metadata';

export interface InboundRelation {
  /** The object holding the relation (may be the target itself: `account.parent`). */
  object: string;
  field: string;
  kind: 'manyToOne' | 'manyToMany';
  /** `account_id` for manyToOne; the join table (`contact__campaigns`) for manyToMany. */
  storage: string;
}

/**
 * Every stored relation, on any live object, that points at records of `target`: what a merge
 * must re-point from the merged records to the survivor. oneToMany fields are the inverse of a
 * manyToOne and hold nothing themselves.
 * @example inboundRelations(set, 'account') // [{ object: 'contact', field: 'account', kind: 'manyToOne', storage: 'account_id' }, …]
 */
export function inboundRelations(set: MetadataSet, target: string): InboundRelation[] {
  const out: InboundRelation[] = [];
  for (const [object, obj] of Object.entries(set.objects)) {
    if (obj.archived) continue;
    for (const [field, def] of Object.entries(obj.fields)) {
      if (def.type !== 'relation' || def.target !== target) continue;
      if (isManyToOne(def)) out.push({ object, field, kind: 'manyToOne', storage: columnName(field, def)! });
      else if ((def as RelationFieldDef).relationType === 'manyToMany') out.push({ object, field, kind: 'manyToMany', storage: joinTableName(object, field) });
    }
  }
  return out;
}
