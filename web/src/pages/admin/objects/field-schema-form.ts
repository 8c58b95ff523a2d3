import type { JsonSchema } from '@loom/metadata';

/** How the field form edits one property of a field type's JSON Schema. */
export type PropertyWidget =
  | 'boolean' | 'integer' | 'number' | 'text' | 'longText' | 'choice' | 'identifier' | 'object' | 'options' | 'list' | 'json';

export interface PropertySpec {
  name: string;
  widget: PropertyWidget;
  /** The schema requires it for this type (select `options`, relation `target`). */
  required: boolean;
  choices?: string[];
  minimum?: number;
  maximum?: number;
}

/** Set elsewhere in the form (type, labels) or by the engine (archived); descriptions wait for a later designer. */
const NOT_IN_FORM = new Set(['type', 'label', 'description', 'archived']);
/** The props people set most, first; then the rest in schema order; display switches last. */
const FIRST = ['required', 'unique', 'maxLength', 'min', 'max', 'options', 'target', 'relationType', 'onDelete', 'inverseOf'];
const LAST = ['default', 'hidden', 'readOnly', 'indexed'];

type Schema = { [keyword: string]: unknown };

function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) node = (node as Schema | undefined)?.[segment];
  return node && typeof node === 'object' ? (node as Schema) : undefined;
}

/**
 * The schema of one field type inside the object schema: `definitions.field.allOf` holds an
 * `if: { properties: { type: { enum } } }, then: { $ref }` per family of types.
 */
export function fieldTypeSchema(objectSchema: JsonSchema, type: string): Schema | undefined {
  const root = objectSchema as Schema;
  const field = resolve(root, (root.definitions as Schema | undefined)?.field as Schema | undefined);
  for (const branch of (field?.allOf as Schema[] | undefined) ?? []) {
    const types = (((branch.if as Schema | undefined)?.properties as Schema | undefined)?.type as Schema | undefined)?.enum;
    if (Array.isArray(types) && types.includes(type)) return resolve(root, branch.then as Schema);
  }
  return undefined;
}

/** Every field type the schema knows (`definitions.field.properties.type.enum`). */
export function schemaFieldTypes(objectSchema: JsonSchema): string[] {
  const root = objectSchema as Schema;
  const field = resolve(root, (root.definitions as Schema | undefined)?.field as Schema | undefined);
  const types = ((field?.properties as Schema | undefined)?.type as Schema | undefined)?.enum;
  return Array.isArray(types) ? types.filter((type): type is string => typeof type === 'string') : [];
}

function widgetOf(root: Schema, name: string, raw: Schema): Omit<PropertySpec, 'name' | 'required'> | null {
  const ref = typeof raw.$ref === 'string' ? raw.$ref : '';
  if (ref.endsWith('/options')) return { widget: 'options' };
  if (ref.endsWith('/condition')) return { widget: 'json' };
  if (ref.endsWith('/label') || ref.endsWith('/text')) return null;
  if (ref.endsWith('/identifier')) return { widget: name === 'target' || name === 'object' ? 'object' : 'identifier' };
  const schema = resolve(root, raw) ?? {};
  if (Array.isArray(schema.enum)) return { widget: 'choice', choices: schema.enum.map(String) };
  switch (schema.type) {
    case 'boolean':
      return { widget: 'boolean' };
    case 'integer':
    case 'number':
      return {
        widget: schema.type,
        minimum: typeof schema.minimum === 'number' ? schema.minimum : undefined,
        maximum: typeof schema.maximum === 'number' ? schema.maximum : undefined,
      };
    case 'string':
      return { widget: typeof schema.maxLength === 'number' && schema.maxLength > 500 ? 'longText' : 'text' };
    case 'array':
      return { widget: 'list' };
    default:
      // `default: {}` of a json field: any JSON.
      return { widget: 'json' };
  }
}

/** The form controls for a field type, from its JSON Schema (`GET /api/metadata/schemas/object`). */
export function fieldPropertySpecs(objectSchema: JsonSchema, type: string): PropertySpec[] {
  const schema = fieldTypeSchema(objectSchema, type);
  if (!schema) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const specs: PropertySpec[] = [];
  for (const [name, raw] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
    if (NOT_IN_FORM.has(name)) continue;
    const widget = widgetOf(objectSchema as Schema, name, raw);
    if (widget) specs.push({ name, required: required.has(name), ...widget });
  }
  const rank = (name: string) => {
    const first = FIRST.indexOf(name);
    if (first >= 0) return first;
    const last = LAST.indexOf(name);
    return last >= 0 ? 1000 + last : 100;
  };
  return specs.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec.name) - rank(b.spec.name) || a.index - b.index).map(({ spec }) => spec);
}

/** A property value worth sending: set, and not an empty string or list. */
export function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}
