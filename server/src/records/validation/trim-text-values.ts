import type { FieldDef, ObjectDef } from '@loom/metadata';

const TRIMMED: ReadonlySet<FieldDef['type']> = new Set(['text', 'textarea', 'email', 'phone', 'url']);

/**
 * Runs before the schema, so that `maxLength` and formats see what will be stored
 * (` Ann@Example.com ` is a valid email) and a cleared optional input (`""`) is null.
 * A blank required field stays `""`, for the schema to report as blank.
 * Anything that is not a plain object, or not a string where text is expected, is left for the schema.
 */
export function trimTextValues(object: ObjectDef, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [name, value] of Object.entries(out)) {
    const def = Object.hasOwn(object.fields, name) ? object.fields[name]! : undefined;
    if (!def || def.archived) continue;
    if (typeof value === 'string' && TRIMMED.has(def.type)) {
      const text = value.trim();
      out[name] = text === '' && !('required' in def && def.required) ? null : text;
    } else if (Array.isArray(value) && def.type === 'tags') {
      out[name] = value.map((tag) => (typeof tag === 'string' ? tag.trim() : tag));
    }
  }
  return out;
}
