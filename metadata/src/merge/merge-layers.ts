import { isRecord } from '../json/is-record.js';
import { childPointer, pointer } from '../json/json-pointer.js';
import type { RoleDef } from '../types/role-def.js';
import { emptyMetadataSet, METADATA_KINDS, SECTION_OF_KIND, type MetadataSection, type MetadataSet } from '../types/metadata-set.js';
import { mergeObject } from './merge-object.js';
import { Provenance, type MergeResult, type MetadataLayer } from './merge-types.js';

/** Props that tie a definition to what it is about; a later layer may not move it. */
const ANCHORS: Partial<Record<MetadataSection, string[]>> = {
  pipelines: ['object', 'field'],
  approvals: ['object'],
  layouts: ['object'],
};

/**
 * Computes the effective metadata from layers, in order (DESIGN.md §2): base CRM →
 * plugins → admin. Later layers add definitions and fields, override labels,
 * options, validations, layouts, pipelines…; they may not change a field's type or
 * drop an object or field. Conflicts name the path and both sources; the merge
 * goes on without the conflicting change. Inputs are not modified.
 * @example mergeLayers([{ source: 'base', set: base }, { source: 'admin', set: admin }])
 */
export function mergeLayers(layers: MetadataLayer[]): MergeResult {
  const set = emptyMetadataSet();
  const prov = new Provenance();
  for (const { source, set: layer } of layers) {
    for (const kind of METADATA_KINDS) {
      const section = SECTION_OF_KIND[kind];
      const defs: unknown = layer[section];
      if (!isRecord(defs)) continue;
      for (const [name, overlay] of Object.entries(defs)) {
        mergeDefinition(set, section, kind, name, overlay, source, prov);
      }
    }
  }
  return { set, errors: prov.errors };
}

function mergeDefinition(
  set: MetadataSet, section: MetadataSection, kind: string, name: string, overlay: unknown, source: string, prov: Provenance,
): void {
  const target = set[section] as Record<string, unknown>;
  const at = pointer(section, name);
  const base = Object.hasOwn(target, name) ? target[name] : undefined;
  if (base === undefined) {
    if (!isRecord(overlay)) return; // removing what does not exist is a no-op
    target[name] = { kind, name, ...structuredClone(overlay) };
    prov.set(at, source);
    return;
  }
  const earlier = prov.of(at);
  if (!isRecord(overlay)) {
    if (section === 'objects') prov.conflict(at, earlier, source, `${source} cannot remove object "${name}" defined by ${earlier}`);
    else delete target[name];
    return;
  }
  if (section === 'objects') {
    target[name] = mergeObject(base as MetadataSet['objects'][string], overlay, source, at, prov);
    return;
  }
  const merged = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overlay)) {
    const fixed = key === 'kind' || key === 'name' || (ANCHORS[section] ?? []).includes(key);
    if (fixed && value !== merged[key]) {
      const message = `${source} cannot change the ${key} of ${kind} "${name}" from ${JSON.stringify(merged[key])} (${earlier}) to ${JSON.stringify(value)}`;
      prov.conflict(childPointer(at, key), earlier, source, message);
    } else if (section === 'roles' && (key === 'objects' || key === 'inherits')) {
      Object.assign(merged, mergeRolePart(merged as unknown as RoleDef, key, value));
    } else {
      merged[key] = structuredClone(value);
    }
  }
  target[name] = merged;
}

/** Roles merge per object (and per field within it), and add inherited roles. */
function mergeRolePart(role: RoleDef, key: 'objects' | 'inherits', value: unknown): Partial<RoleDef> {
  if (key === 'inherits') {
    const extra = Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : [];
    return { inherits: [...new Set([...(role.inherits ?? []), ...extra])] };
  }
  const objects = { ...role.objects };
  for (const [object, perm] of Object.entries(isRecord(value) ? value : {})) {
    const current = objects[object];
    if (perm === null) delete objects[object];
    else if (!isRecord(perm) || !current) objects[object] = structuredClone(perm) as never;
    else {
      const fields = { ...current.fields, ...(isRecord(perm.fields) ? structuredClone(perm.fields) : {}) };
      objects[object] = { ...current, ...structuredClone(perm), ...(Object.keys(fields).length ? { fields } : {}) } as never;
    }
  }
  return { objects };
}
