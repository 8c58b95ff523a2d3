import type { FieldDef, JsonSchema } from '@loom/metadata';

/** What a field's value schema needs beyond the field itself. */
export interface FieldSchemaContext {
  /** For `stage` fields: the keys of every pipeline whose `field` is this field. */
  stageKeys: readonly string[];
}

const SAFE = Number.MAX_SAFE_INTEGER;
// numeric(18,2): 16 digits before the point.
const CURRENCY_LIMIT = 1e16;
export const UUID_SCHEMA: JsonSchema = { type: 'string', format: 'uuid' };
export const NOT_BLANK: JsonSchema = { pattern: '\\S', 'x-messages': { pattern: 'must not be blank' } };
/** Digits, spaces, + - ( ) and dots, 5–40 characters, at least 3 of them digits. */
export const PHONE_PATTERN = '^(?=(?:[^0-9]*[0-9]){3})[-0-9+(). ]{5,40}$';

/**
 * The schema of one writable field's value, null excluded (`nullable` adds it).
 * `x-messages` maps an ajv keyword to the message the API reports for it.
 */
export function fieldValueSchema(def: FieldDef, ctx: FieldSchemaContext): JsonSchema {
  switch (def.type) {
    case 'text':
      return { type: 'string', maxLength: def.maxLength ?? 255, ...(def.pattern ? { pattern: def.pattern } : {}) };
    case 'textarea':
    case 'richtext':
      return { type: 'string', maxLength: def.maxLength ?? 100_000 };
    case 'email':
      return { type: 'string', format: 'email', maxLength: Math.min(def.maxLength ?? 320, 320) };
    case 'phone':
      return { type: 'string', pattern: PHONE_PATTERN, 'x-messages': { pattern: 'must be a phone number' } };
    case 'url':
      return {
        type: 'string', format: 'uri', maxLength: def.maxLength ?? 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
        'x-messages': { pattern: 'must be an http or https URL' },
      };
    case 'integer':
      return { type: 'integer', minimum: Math.max(def.min ?? -SAFE, -SAFE), maximum: Math.min(def.max ?? SAFE, SAFE) };
    case 'number':
    case 'percent':
      return { type: 'number', ...range(def.min, def.max) };
    case 'currency':
      return {
        type: 'number', 'x-decimals': 2, exclusiveMinimum: -CURRENCY_LIMIT, exclusiveMaximum: CURRENCY_LIMIT,
        ...range(def.min, def.max), 'x-messages': { 'x-decimals': 'must have at most 2 decimal places' },
      };
    case 'rating':
      return { type: 'integer', minimum: def.min ?? 0, maximum: def.max ?? 5 };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return {
        type: 'string', format: 'date', formatMinimum: '0001-01-01',
        'x-messages': { formatMinimum: 'must be a date from year 1' }, // PostgreSQL has no year 0
      };
    case 'datetime':
      return {
        type: 'string', format: 'date-time', formatMinimum: '0001-01-01T00:00:00Z',
        'x-messages': { formatMinimum: 'must be a date-time from year 1' },
      };
    case 'select':
      return choice(def.options.map((o) => o.key));
    case 'multiselect':
      return { type: 'array', uniqueItems: true, items: choice(def.options.map((o) => o.key)) };
    case 'tags':
      return {
        type: 'array', maxItems: 100, uniqueItems: true,
        items: { type: 'string', minLength: 1, maxLength: 50, ...NOT_BLANK },
      };
    case 'relation':
      return (def.relationType ?? 'manyToOne') === 'manyToMany'
        ? { type: 'array', maxItems: 1000, uniqueItems: true, items: UUID_SCHEMA }
        : UUID_SCHEMA;
    case 'user':
      return UUID_SCHEMA;
    case 'stage':
      return choice(ctx.stageKeys);
    case 'json':
      return {}; // any JSON; the 64 KiB cap is checked after the schema (check-json-size.ts)
    case 'autonumber':
    case 'formula':
    case 'rollup':
      throw new Error(`${def.type} fields are computed; they have no write schema`);
  }
}

function range(min: number | undefined, max: number | undefined): JsonSchema {
  return { ...(min === undefined ? {} : { minimum: min }), ...(max === undefined ? {} : { maximum: max }) };
}

// An empty enum is not a valid schema: with no keys to choose from, only null is accepted.
function choice(keys: readonly string[]): JsonSchema {
  if (keys.length === 0) return { type: 'null', 'x-messages': { type: 'has no options to choose from' } };
  return { enum: [...new Set(keys)] }; // no `type`: it would report a second error for the same value
}

/** Adds null to a value schema (every field that is not required accepts null). */
export function nullable(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.enum)) return schema.enum.includes(null) ? schema : { ...schema, enum: [...schema.enum, null] };
  if (schema.type === undefined) return schema; // json: null is JSON
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('null') ? schema : { ...schema, type: [...types, 'null'] };
}

/** Tightens a value schema for a required field: a string must not be blank, an array not empty. */
export function nonEmpty(schema: JsonSchema): JsonSchema {
  if (schema.type === 'array') {
    return { ...schema, minItems: 1, 'x-messages': { ...(schema['x-messages'] as object), minItems: 'must not be empty' } };
  }
  if (schema.type === 'string' && schema.format === undefined && schema.enum === undefined && schema.pattern !== PHONE_PATTERN) {
    return { ...schema, allOf: [NOT_BLANK] };
  }
  return schema;
}
