import { pointer } from '../json/json-pointer.js';
import type { MetadataSection, MetadataSet } from '../types/metadata-set.js';
import { changedProps, diffObject } from './diff-object.js';
import type { MetadataChange } from './metadata-change.js';

const DEFINITION_KINDS = [
  ['pipelines', 'Pipeline'],
  ['approvals', 'Approval'],
  ['roles', 'Role'],
  ['automations', 'Automation'],
  ['layouts', 'Layout'],
] as const satisfies readonly (readonly [Exclude<MetadataSection, 'objects'>, string])[];

/**
 * The typed changes that turn set `a` into set `b`, for the schema migrator and
 * revision history: objects and fields (added, removed = archived or gone,
 * restored, type changed, props changed), indexes and unique constraints, and
 * whole definitions of the other kinds. Each change carries its `path`.
 * @example diffMetadata(current, proposed).filter((c) => c.kind === 'addField')
 */
export function diffMetadata(a: Partial<MetadataSet>, b: Partial<MetadataSet>): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const objectsA = a.objects ?? {};
  const objectsB = b.objects ?? {};
  for (const [name, def] of Object.entries(objectsB)) {
    const at = pointer('objects', name);
    const old = Object.hasOwn(objectsA, name) ? objectsA[name] : undefined;
    changes.push(...(old ? diffObject(old, def, at) : [{ kind: 'addObject' as const, path: at, object: name, def }]));
  }
  for (const [name, def] of Object.entries(objectsA)) {
    if (!Object.hasOwn(objectsB, name) && !def.archived) {
      changes.push({ kind: 'removeObject', path: pointer('objects', name), object: name, def, archived: false });
    }
  }
  for (const [section, label] of DEFINITION_KINDS) {
    const before: Record<string, object> = a[section] ?? {};
    const after: Record<string, object> = b[section] ?? {};
    for (const [name, def] of Object.entries(after)) {
      const old = Object.hasOwn(before, name) ? before[name] : undefined;
      const path = pointer(section, name);
      if (!old) changes.push({ kind: `add${label}`, path, name, def } as MetadataChange);
      else {
        const props = changedProps(old, def, []);
        if (props.length) changes.push({ kind: `change${label}`, path, name, props, before: old, after: def } as MetadataChange);
      }
    }
    for (const [name, def] of Object.entries(before)) {
      if (!Object.hasOwn(after, name)) changes.push({ kind: `remove${label}`, path: pointer(section, name), name, def } as MetadataChange);
    }
  }
  return changes;
}
