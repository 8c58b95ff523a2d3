import type { MetadataSet, ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';

/**
 * The metadata a caller sees: archived objects and fields removed; the permission module narrows it
 * further per role (objects the caller cannot read, fields masked to `none`).
 */
export function visibleMetadata(set: MetadataSet, _user: CurrentUser, mask?: (object: string) => { readable: boolean; hidden: Set<string> }): MetadataSet {
  const objects: Record<string, ObjectDef> = {};
  for (const [name, obj] of Object.entries(set.objects)) {
    if (obj.archived) continue;
    const m = mask?.(name);
    if (m && !m.readable) continue;
    objects[name] = { ...obj, fields: Object.fromEntries(Object.entries(obj.fields).filter(([f, d]) => !d.archived && !m?.hidden.has(f))) };
  }
  return { ...set, objects };
}
