import { stageKeysOf, SYSTEM_FIELDS, type FieldDef, type JsonSchema, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { hasDefault } from './defaults.js';
import { fieldValueSchema, nonEmpty, nullable, UUID_SCHEMA } from './field-value-schema.js';


/** `create` requires the required fields; `update` is partial (a PATCH). */
export type WriteMode = 'create' | 'update';

export interface RecordSchemaOptions {
  /**
   * Let engine writes (automations, approval outcomes) set fields marked `readOnly`.
   * Callers of the records API never get this.
   */
  allowReadOnlyFields?: boolean;
}

const READ_ONLY: JsonSchema = { not: {}, readOnly: true, 'x-messages': { not: 'is read-only' } };
const COMPUTED_TYPES: ReadonlySet<FieldDef['type']> = new Set(['formula', 'rollup', 'autonumber']);

/** Whether a field takes a value from a write: computed fields and oneToMany relations never do. */
export function isStoredWritable(def: FieldDef): boolean {
  if (COMPUTED_TYPES.has(def.type)) return false;
  return !(def.type === 'relation' && def.relationType === 'oneToMany');
}

/**
 * The JSON Schema of a record write body (POST in `create` mode, PATCH in `update` mode).
 * Required fields must be given on create (unless they have a default) and are never null.
 * Unknown and archived fields fail `additionalProperties` ("is not a known field");
 * system columns and computed fields fail with "is read-only"; `owner` takes a user id
 * (whether the caller may set it is the permission layer's call).
 */
export function buildRecordSchema(
  object: ObjectDef, set: Partial<MetadataSet>, mode: WriteMode, options: RecordSchemaOptions = {},
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, def] of Object.entries(object.fields)) {
    if (def.archived) continue;
    if (!isStoredWritable(def) || (def.readOnly && !options.allowReadOnlyFields)) {
      properties[name] = READ_ONLY;
      continue;
    }
    const value = fieldValueSchema(def, { stageKeys: def.type === 'stage' ? stageKeysOf(set, object.name, name) : [] });
    const isRequired = 'required' in def && def.required === true;
    properties[name] = isRequired ? nonEmpty(value) : nullable(value);
    // A required field with a default may be left out: the default fills it (defaults.ts).
    if (isRequired && mode === 'create' && !hasDefault(def)) required.push(name);
  }
  // System columns come last so a field can never shadow one.
  for (const name of SYSTEM_FIELDS) properties[name] = READ_ONLY;
  properties.owner = UUID_SCHEMA;
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}
