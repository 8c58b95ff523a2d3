import type { FieldDef, ObjectDef } from '@loom/metadata';

/** Whether a field has a `default` to fill on create. */
export function hasDefault(def: FieldDef): boolean {
  return !def.archived && 'default' in def && def.default !== undefined;
}

/**
 * Fills the fields the caller left out with their `default` (`$today` → today's UTC
 * date, `$now` → an ISO timestamp), never overriding a value the caller gave, null included.
 * Defaults come from published metadata, which has checked them against their field.
 */
export function applyDefaults(object: ObjectDef, body: Record<string, unknown>, now: Date = new Date()): Record<string, unknown> {
  const out = { ...body };
  for (const [name, def] of Object.entries(object.fields)) {
    if (!hasDefault(def) || (Object.hasOwn(body, name) && body[name] !== undefined)) continue;
    out[name] = defaultValue(def, now);
  }
  return out;
}

function defaultValue(def: FieldDef, now: Date): unknown {
  const value = (def as { default?: unknown }).default;
  const today = now.toISOString().slice(0, 10);
  if (def.type === 'date' && (value === '$today' || value === '$now')) return today;
  if (def.type === 'datetime' && value === '$now') return now.toISOString();
  if (def.type === 'datetime' && value === '$today') return `${today}T00:00:00.000Z`;
  return structuredClone(value); // arrays and json are copied, never shared with the metadata
}
