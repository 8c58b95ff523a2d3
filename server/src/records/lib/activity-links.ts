import { isManyToOne, type MetadataSet } from '@loom/metadata';

/** Objects whose records are things done about another record (calls, meetings, tasks). */
export const ACTIVITY_OBJECTS: readonly string[] = ['activity', 'task'];

export interface ActivityLink {
  /** The object holding the activities (`activity`). */
  object: string;
  /** Its manyToOne field pointing at the record (`account`). */
  field: string;
}

/**
 * Where a record's activities come from: manyToOne fields targeting `object` that are named
 * `related_*` on any object, or named after `object` on an activity object (`activity.account`
 * for accounts). A contact's `account` is a related list, not an activity, so it is not one.
 * @example activityLinks(set, 'account') // [{ object: 'activity', field: 'account' }, { object: 'task', field: 'account' }]
 */
export function activityLinks(set: MetadataSet, object: string): ActivityLink[] {
  const links: ActivityLink[] = [];
  for (const [name, obj] of Object.entries(set.objects)) {
    if (obj.archived) continue;
    for (const [field, def] of Object.entries(obj.fields)) {
      if (def.archived || !isManyToOne(def) || def.target !== object) continue;
      if (field.startsWith('related_') || (ACTIVITY_OBJECTS.includes(name) && field === object)) links.push({ object: name, field });
    }
  }
  return links;
}
