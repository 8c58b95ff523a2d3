import { deepEqual } from '../json/deep-equal.js';
import { childPointer } from '../json/json-pointer.js';
import type { FieldDef, SelectOption } from '../types/field-def.js';
import type { ObjectDef } from '../types/object-def.js';
import type { ConstraintChange, FieldChange, MetadataChange, ObjectChange, OptionChanges } from './metadata-change.js';

/** The changes between two versions of one object (both present). */
export function diffObject(a: ObjectDef, b: ObjectDef, at: string): MetadataChange[] {
  const object = b.name;
  if (a.archived && !b.archived) return [{ kind: 'restoreObject', path: at, object, def: b }];
  if (!a.archived && b.archived) return [{ kind: 'removeObject', path: at, object, def: a, archived: true }];
  const changes: MetadataChange[] = [];
  const props = changedProps(a, b, ['fields', 'unique', 'indexes', 'archived']);
  if (props.length) changes.push({ kind: 'changeObject', path: at, object, props, before: a, after: b } satisfies ObjectChange);
  for (const [field, def] of Object.entries(b.fields)) {
    const old = Object.hasOwn(a.fields, field) ? a.fields[field] : undefined;
    changes.push(...diffField(object, field, old, def, childPointer(at, 'fields', field)));
  }
  for (const [field, def] of Object.entries(a.fields)) {
    if (!Object.hasOwn(b.fields, field) && !def.archived) {
      changes.push({ kind: 'removeField', path: childPointer(at, 'fields', field), object, field, def, archived: false });
    }
  }
  changes.push(...diffConstraints(a.indexes, b.indexes, 'Index', object, childPointer(at, 'indexes')));
  changes.push(...diffConstraints(a.unique, b.unique, 'Unique', object, childPointer(at, 'unique')));
  return changes;
}

function diffField(object: string, field: string, a: FieldDef | undefined, b: FieldDef, at: string): FieldChange[] {
  if (!a) return [{ kind: 'addField', path: at, object, field, def: b }];
  if (a.archived && !b.archived) return [{ kind: 'restoreField', path: at, object, field, def: b }];
  if (!a.archived && b.archived) return [{ kind: 'removeField', path: at, object, field, def: a, archived: true }];
  if (a.type !== b.type) {
    return [{ kind: 'changeFieldType', path: childPointer(at, 'type'), object, field, from: a.type, to: b.type, before: a, after: b }];
  }
  const props = changedProps(a, b, []);
  if (!props.length) return [];
  const change: FieldChange = { kind: 'changeField', path: at, object, field, props, before: a, after: b };
  if (props.includes('options') && 'options' in a && 'options' in b) change.options = diffOptions(a.options, b.options);
  return [change];
}

function diffOptions(a: SelectOption[], b: SelectOption[]): OptionChanges {
  const before = new Map(a.map((o) => [o.key, o]));
  const after = new Map(b.map((o) => [o.key, o]));
  return {
    added: b.filter((o) => !before.has(o.key)).map((o) => o.key),
    removed: a.filter((o) => !after.has(o.key)).map((o) => o.key),
    changed: b.filter((o) => before.has(o.key) && !deepEqual(before.get(o.key), o)).map((o) => o.key),
  };
}

function diffConstraints(a: string[][] = [], b: string[][] = [], what: 'Index' | 'Unique', object: string, at: string): ConstraintChange[] {
  const key = (fields: string[]) => fields.join(',');
  const before = new Set(a.map(key));
  const after = new Set(b.map(key));
  return [
    ...a.flatMap((fields, i) => (after.has(key(fields)) ? [] : [{ kind: `remove${what}` as const, path: childPointer(at, i), object, fields }])),
    ...b.flatMap((fields, i) => (before.has(key(fields)) ? [] : [{ kind: `add${what}` as const, path: childPointer(at, i), object, fields }])),
  ];
}

/** Top-level props whose values differ, in a stable order (b's keys, then removed ones). */
export function changedProps(a: object, b: object, ignore: string[]): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(rb), ...Object.keys(ra)])];
  return keys.filter((k) => !ignore.includes(k) && !deepEqual(ra[k], rb[k]));
}
