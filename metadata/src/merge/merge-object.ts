import { deepEqual } from '../json/deep-equal.js';
import { isRecord } from '../json/is-record.js';
import { childPointer } from '../json/json-pointer.js';
import type { FieldDef, SelectOption } from '../types/field-def.js';
import type { ObjectDef } from '../types/object-def.js';
import type { Provenance } from './merge-types.js';

/** Props whose change would change what is stored: a later layer may not touch them. */
const IDENTITY_PROPS = ['type', 'target', 'relationType'] as const;

/**
 * Lays `overlay` (a partial object from `source`) over `base`: labels and other
 * props are replaced, fields, options and validations merged by name, unique
 * constraints and indexes added. Type changes and dropped fields are conflicts.
 */
export function mergeObject(base: ObjectDef, overlay: Record<string, unknown>, source: string, at: string, prov: Provenance): ObjectDef {
  const merged: ObjectDef = { ...base, fields: { ...base.fields } };
  const earlier = prov.of(at);
  for (const [key, value] of Object.entries(overlay)) {
    switch (key) {
      case 'fields':
        for (const [name, field] of Object.entries(isRecord(value) ? value : {})) {
          mergeField(merged, name, field, source, childPointer(at, 'fields', name), prov);
        }
        break;
      case 'validations':
        merged.validations = mergeByKey(base.validations ?? [], value, 'name');
        break;
      case 'unique':
      case 'indexes':
      case 'duplicateRules':
        merged[key] = union((base[key] ?? []) as unknown[], value) as never;
        break;
      case 'archived':
        if (value === true && !base.archived) {
          prov.conflict(childPointer(at, 'archived'), earlier, source, `${source} cannot remove object "${base.name}" defined by ${earlier}`);
        }
        break;
      case 'kind':
      case 'name':
        if (value !== base[key]) {
          prov.conflict(childPointer(at, key), earlier, source, `${source} cannot change the ${key} of "${base.name}" (${earlier})`);
        }
        break;
      default:
        (merged as unknown as Record<string, unknown>)[key] = structuredClone(value);
    }
  }
  return merged;
}

function mergeField(obj: ObjectDef, name: string, overlay: unknown, source: string, at: string, prov: Provenance): void {
  const base = Object.hasOwn(obj.fields, name) ? obj.fields[name] : undefined;
  if (!base) {
    if (overlay === null) return;
    obj.fields[name] = structuredClone(overlay) as FieldDef;
    prov.set(at, source);
    return;
  }
  const earlier = prov.of(at);
  if (!isRecord(overlay)) {
    prov.conflict(at, earlier, source, `${source} cannot drop field "${obj.name}.${name}" defined by ${earlier}; hide it instead`);
    return;
  }
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overlay)) {
    const current = merged[key];
    if ((IDENTITY_PROPS as readonly string[]).includes(key) && value !== current) {
      prov.conflict(childPointer(at, key), earlier, source,
        `field "${obj.name}.${name}" is ${key} ${JSON.stringify(current)} in ${earlier}; ${source} cannot change it to ${JSON.stringify(value)}`);
    } else if (key === 'archived' && value === true && !current) {
      prov.conflict(childPointer(at, key), earlier, source, `${source} cannot drop field "${obj.name}.${name}" defined by ${earlier}; hide it instead`);
    } else if (key === 'options' && Array.isArray(current)) {
      merged.options = mergeByKey(current as SelectOption[], value, 'key');
    } else {
      merged[key] = structuredClone(value);
    }
  }
  obj.fields[name] = merged as unknown as FieldDef;
}

/** Items matched by `key` are replaced in place; new ones are appended. */
function mergeByKey<T extends object, K extends keyof T>(base: T[], overlay: unknown, key: K): T[] {
  const out = base.map((item) => ({ ...item }));
  for (const item of Array.isArray(overlay) ? (overlay as T[]) : []) {
    const i = out.findIndex((b) => b[key] === item[key]);
    if (i >= 0) out[i] = { ...out[i]!, ...structuredClone(item) };
    else out.push(structuredClone(item));
  }
  return out;
}

function union(base: unknown[], overlay: unknown): unknown[] {
  const out = [...base];
  for (const item of Array.isArray(overlay) ? overlay : []) if (!out.some((b) => deepEqual(b, item))) out.push(structuredClone(item));
  return out;
}
