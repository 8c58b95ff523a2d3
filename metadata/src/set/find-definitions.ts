import { SYSTEM_FIELD_DEFS, type SystemFieldDef } from '../identifiers/system-fields.js';
import { isRecord, ownValue } from '../json/is-record.js';
import { FIELD_TYPES, type FieldDef, type RelationFieldDef } from '../types/field-def.js';
import type { MetadataSet } from '../types/metadata-set.js';
import type { ObjectDef } from '../types/object-def.js';
import type { PipelineDef } from '../types/pipeline-def.js';

// Lookups tolerate half-valid sets (a document with schema errors) and never
// read inherited properties, so `constructor` is not an object.

/** A definition of any section by name (own properties only), or undefined. */
export function findDefinition<S extends keyof MetadataSet>(set: Partial<MetadataSet>, section: S, name: string): MetadataSet[S][string] | undefined {
  const def = ownValue(set[section] as Record<string, MetadataSet[S][string]> | undefined, name);
  return isRecord(def) ? def : undefined;
}

export function findObject(set: Partial<MetadataSet>, name: string): ObjectDef | undefined {
  const obj = ownValue(set.objects, name);
  return isRecord(obj) ? obj : undefined;
}

export function findField(set: Partial<MetadataSet>, object: string, name: string): FieldDef | undefined {
  const def = ownValue(findObject(set, object)?.fields, name);
  return isRecord(def) && (FIELD_TYPES as readonly unknown[]).includes(def.type) ? def : undefined;
}

/** A defined field or a system column (`id`, `owner`, `created_at`, …). */
export function findFieldOrSystem(set: Partial<MetadataSet>, object: string, name: string): FieldDef | SystemFieldDef | undefined {
  return findField(set, object, name) ?? ownValue(SYSTEM_FIELD_DEFS, name);
}

export function isSystemFieldDef(def: FieldDef | SystemFieldDef): def is SystemFieldDef {
  return 'system' in def && def.system === true;
}

export function isManyToOne(def: FieldDef | SystemFieldDef | undefined): def is RelationFieldDef {
  return def?.type === 'relation' && (def.relationType ?? 'manyToOne') === 'manyToOne';
}

/** The pipelines whose stages live in `object.field`. */
export function pipelinesOf(set: Partial<MetadataSet>, object: string, field: string): PipelineDef[] {
  return Object.values(isRecord(set.pipelines) ? set.pipelines : {}).filter(
    (p) => isRecord(p) && p.object === object && p.field === field,
  );
}

/** Every stage key a stage field may hold (from all its pipelines). */
export function stageKeysOf(set: Partial<MetadataSet>, object: string, field: string): string[] {
  return pipelinesOf(set, object, field).flatMap((p) => (Array.isArray(p.stages) ? p.stages.map((s) => s?.key) : []))
    .filter((k): k is string => typeof k === 'string');
}
