import { labelText, type FieldDef, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { buildRecordSchema } from '../records/validation/build-record-schema.js';

type Schema = Record<string, unknown>;

/** What a record looks like in responses (API.md "Records"), per field type. */
function outputSchema(def: FieldDef): Schema {
  switch (def.type) {
    case 'integer': case 'rating': return { type: 'integer', nullable: true };
    case 'number': case 'currency': case 'percent': return { type: 'number', nullable: true };
    case 'boolean': return { type: 'boolean', nullable: true };
    case 'date': return { type: 'string', format: 'date', nullable: true };
    case 'datetime': return { type: 'string', format: 'date-time', nullable: true };
    case 'multiselect': case 'tags': return { type: 'array', items: { type: 'string' }, nullable: true };
    case 'json': return { nullable: true };
    case 'user': return { type: 'string', format: 'uuid', nullable: true };
    case 'select': return { type: 'string', enum: def.options.map((o) => o.key), nullable: true };
    case 'relation':
      return (def.relationType ?? 'manyToOne') === 'manyToOne'
        ? { type: 'string', format: 'uuid', nullable: true, description: `id of a ${def.target}; with expand: { id, title, … }` }
        : { type: 'array', items: { type: 'string', format: 'uuid' }, description: `ids of ${def.target} records` };
    case 'formula': return { readOnly: true, nullable: true, description: `formula: ${def.expression}` };
    case 'rollup': return { type: 'number', readOnly: true, nullable: true, description: `${def.fn} over ${def.object}.${def.relation}` };
    default: return { type: 'string', nullable: true };
  }
}

const SYSTEM: Record<string, Schema> = {
  id: { type: 'string', format: 'uuid', readOnly: true }, owner: { type: 'string', format: 'uuid' },
  created_at: { type: 'string', format: 'date-time', readOnly: true }, updated_at: { type: 'string', format: 'date-time', readOnly: true },
  created_by: { type: 'string', format: 'uuid', readOnly: true }, updated_by: { type: 'string', format: 'uuid', readOnly: true },
  version: { type: 'integer', readOnly: true },
};

const schemaName = (object: string) => object.split('_').map((p) => p[0].toUpperCase() + p.slice(1)).join('');

/** The write schema is the one validator's (`buildRecordSchema`), minus read-only members. */
function inputSchema(obj: ObjectDef, set: MetadataSet, hidden: ReadonlySet<string>): Schema {
  const s = buildRecordSchema(obj, set, 'create') as { properties: Record<string, Schema>; required?: string[] };
  const properties = Object.fromEntries(Object.entries(s.properties).filter(([k, v]) => !v.readOnly && !hidden.has(k)).map(([k, v]) => [k, stripExtensions(v)]));
  return { type: 'object', additionalProperties: false, properties, ...(s.required ? { required: s.required.filter((r) => !hidden.has(r)) } : {}) };
}

function stripExtensions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripExtensions);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('x-')).map(([k, x]) => [k, stripExtensions(x)]));
}

/**
 * One response schema and one input schema per object, and its records paths, from the metadata.
 * `hiddenFor` removes fields the caller may not read, so the document matches what that caller gets.
 */
export function objectOpenApi(set: MetadataSet, hiddenFor: (object: string) => ReadonlySet<string> = () => new Set()): { schemas: Record<string, Schema>; paths: Record<string, Schema> } {
  const schemas: Record<string, Schema> = {};
  const paths: Record<string, Schema> = {};
  for (const [name, obj] of Object.entries(set.objects)) {
    if (obj.archived) continue;
    const hidden = hiddenFor(name);
    const n = schemaName(name);
    const properties: Record<string, Schema> = { id: SYSTEM.id };
    for (const [f, def] of Object.entries(obj.fields)) {
      if (def.archived || hidden.has(f)) continue;
      properties[f] = { ...outputSchema(def), ...(labelText(def.label) ? { title: labelText(def.label) } : {}) };
    }
    Object.assign(properties, Object.fromEntries(Object.entries(SYSTEM).filter(([k]) => k !== 'id')));
    schemas[n] = { type: 'object', title: labelText(obj.label), properties };
    schemas[`${n}Input`] = inputSchema(obj, set, hidden);
    const ref = { $ref: `#/components/schemas/${n}` };
    const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
    const tag = [`records: ${name}`];
    paths[`/api/records/${name}`] = {
      get: { tags: tag, summary: `List ${name}`, parameters: ['filter', 'sort', 'limit', 'cursor', 'offset', 'fields', 'expand', 'q', 'count', 'deleted'].map((p) => ({ name: p, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: { description: 'A page', ...json({ type: 'object', properties: { data: { type: 'array', items: ref }, nextCursor: { type: 'string', nullable: true }, total: { type: 'integer' } } }) } } },
      post: { tags: tag, summary: `Create a ${name}`, requestBody: { required: true, ...json({ $ref: `#/components/schemas/${n}Input` }) }, responses: { 201: { description: 'Created', ...json(ref) }, 422: { description: 'Invalid' } } },
    };
    paths[`/api/records/${name}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: { tags: tag, summary: `Get a ${name}`, responses: { 200: { description: 'The record (ETag: version)', ...json(ref) }, 404: { description: 'Not found' } } },
      patch: { tags: tag, summary: `Update a ${name}`, requestBody: { required: true, ...json({ $ref: `#/components/schemas/${n}Input` }) }, responses: { 200: { description: 'Updated', ...json(ref) }, 412: { description: 'Version mismatch' }, 423: { description: 'Locked by an approval' } } },
      delete: { tags: tag, summary: `Delete a ${name} (soft)`, responses: { 204: { description: 'Deleted' } } },
    };
  }
  return { schemas, paths };
}
