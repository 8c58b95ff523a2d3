import type { JsonSchema } from '@loom/metadata';

type SchemaNode = Record<string, unknown>;

/** Follows `#/definitions/x` references inside the same schema. */
function resolve(schema: SchemaNode, node: unknown): SchemaNode | null {
  let current = node as SchemaNode | null;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return null;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as SchemaNode)[key] : undefined), schema) as SchemaNode | null;
  }
  return current && typeof current === 'object' ? current : null;
}

/**
 * The schema node at a path of property names (`stages.outcome` walks `properties`, array
 * `items` and `$ref`s; `*` is `additionalProperties`; `definitions.x.y` starts at a definition).
 */
export function schemaAt(schema: JsonSchema | null | undefined, path: string): SchemaNode | null {
  if (!schema) return null;
  const root = schema as SchemaNode;
  const keys = path.split('.');
  let node: SchemaNode | null = root;
  if (keys[0] === 'definitions') {
    node = resolve(root, (root.definitions as SchemaNode | undefined)?.[keys[1]!]);
    keys.splice(0, 2);
  }
  for (const key of keys) {
    node = resolve(root, node);
    if (!node) return null;
    if (node.type === 'array' || (Array.isArray(node.type) && node.items)) node = resolve(root, node.items) ?? node;
    const properties = node.properties as SchemaNode | undefined;
    node = resolve(root, key === '*' ? node.additionalProperties : properties?.[key]);
  }
  return resolve(root, node);
}

/** The allowed values at a path (`enum`, a `then.enum` for string-or-object props, or `const`); `fallback` until the schema is loaded. */
export function schemaEnum<T extends string | number>(schema: JsonSchema | null | undefined, path: string, fallback: readonly T[]): readonly T[] {
  const node = schemaAt(schema, path);
  const values = (node?.enum ?? (node?.then as SchemaNode | undefined)?.enum) as T[] | undefined;
  return Array.isArray(values) && values.length ? values : fallback;
}

/** `minimum` / `maximum` at a path, with fallbacks. */
export function schemaRange(schema: JsonSchema | null | undefined, path: string, fallback: { min?: number; max?: number }): { min?: number; max?: number } {
  const node = schemaAt(schema, path);
  return {
    min: typeof node?.minimum === 'number' ? node.minimum : fallback.min,
    max: typeof node?.maximum === 'number' ? node.maximum : fallback.max,
  };
}
