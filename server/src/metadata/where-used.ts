import type { MetadataSet } from '@loom/metadata';
import type { SchemaAction } from '../schema-migrator/schema-action.js';

/**
 * For every archived or purged field/object in a plan: the definitions that mention it
 * (layouts, formulas, rollups, roles, pipelines, approvals, automations, validations).
 */
export function whereUsed(set: MetadataSet, changes: SchemaAction[]): { path: string; usedBy: string[] }[] {
  const out: { path: string; usedBy: string[] }[] = [];
  for (const c of changes) {
    if (!['archiveField', 'archiveObject', 'dropColumn', 'dropTable'].includes(c.kind)) continue;
    const m = /^\/objects\/([a-z0-9_]+)(?:\/fields\/([a-z0-9_]+))?$/.exec(c.path);
    if (!m) continue;
    const usedBy = m[2] ? fieldReferences(set, m[1], m[2]) : objectReferences(set, m[1]);
    out.push({ path: c.path, usedBy });
  }
  return out;
}

function objectReferences(set: MetadataSet, object: string): string[] {
  const hits: string[] = [];
  for (const [section, defs] of Object.entries(set) as [keyof MetadataSet, Record<string, unknown>][]) {
    for (const [name, def] of Object.entries(defs)) {
      if (section === 'objects' && name === object) continue;
      walk(def, `/${section}/${name}`, (path, value, key) => {
        if (value === object && ['object', 'target'].includes(key)) hits.push(path);
        if (section === 'roles' && key === object && path.endsWith(`/objects/${object}`)) hits.push(path);
      });
    }
  }
  return unique(hits);
}

/** A definition mentions a field when it is about the field's object and names it (bare, dotted, $field., {{record.}}). */
function fieldReferences(set: MetadataSet, object: string, field: string): string[] {
  const hits: string[] = [];
  const mentions = (s: string) => s === field || s.startsWith(`${field}.`) || s.includes(`$field.${field}`) || s.includes(`{{record.${field}`)
    || new RegExp(`(^|[^a-z0-9_.])${field}([^a-z0-9_]|$)`).test(s);
  for (const [section, defs] of Object.entries(set) as [keyof MetadataSet, Record<string, unknown>][]) {
    for (const [name, def] of Object.entries(defs)) {
      const about = section === 'objects' ? name === object : section === 'roles' ? true : (def as { object?: string }).object === object;
      if (!about) continue;
      walk(def, `/${section}/${name}`, (path, value, key) => {
        if (section === 'objects' && path === `/objects/${object}/fields/${field}`) return;
        if (typeof value === 'string' && mentions(value) && key !== 'label' && key !== 'message') hits.push(path);
        if (key === field && (section !== 'roles' || path.includes(`/objects/${object}/`))) hits.push(path);
      });
    }
  }
  return unique(hits.filter((p) => !p.startsWith(`/objects/${object}/fields/${field}`)));
}

function walk(value: unknown, path: string, visit: (path: string, value: unknown, key: string) => void, key = ''): void {
  visit(path, value, key);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`, visit, String(i)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`, visit, k);
}

const unique = (xs: string[]) => [...new Set(xs)];
