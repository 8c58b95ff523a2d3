import approval from '../../schemas/approval.schema.json' with { type: 'json' };
import automation from '../../schemas/automation.schema.json' with { type: 'json' };
import layout from '../../schemas/layout.schema.json' with { type: 'json' };
import object from '../../schemas/object.schema.json' with { type: 'json' };
import pipeline from '../../schemas/pipeline.schema.json' with { type: 'json' };
import plugin from '../../schemas/plugin.schema.json' with { type: 'json' };
import role from '../../schemas/role.schema.json' with { type: 'json' };
import type { DocumentKind } from '../types/metadata-set.js';

/** A JSON Schema document (draft-07). */
export type JsonSchema = { [keyword: string]: unknown };

const SCHEMAS: Record<DocumentKind, JsonSchema> = { object, pipeline, approval, role, automation, layout, plugin };

/** The shared, read-only schema instance (for compiling validators). */
export function schemaOf(kind: DocumentKind): Readonly<JsonSchema> {
  const schema = SCHEMAS[kind];
  if (!schema || !Object.hasOwn(SCHEMAS, kind)) throw new RangeError(`unknown metadata kind "${String(kind)}"`);
  return schema;
}

/** The JSON Schema of a kind (`GET /api/metadata/schemas/{kind}`); a copy the caller may change. */
export function getSchema(kind: DocumentKind): JsonSchema {
  return structuredClone(schemaOf(kind)) as JsonSchema;
}
