import { SECTION_OF_KIND, validateDocument, type AutomationDef, type FieldDef, type MetadataKind, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { conflict, invalid, notFound, ProblemError } from '../common/problem.js';
import { keepMaskedSecrets } from './mask-secrets.js';

/**
 * Each metadata write as a pure change of the admin layer. The admin layer keeps whole definitions of
 * what the admin created or edited; base and plugin layers underneath stay untouched (merge order).
 */
type Change = (admin: MetadataSet, effective: MetadataSet) => MetadataSet;

function assertDocument(kind: MetadataKind, doc: unknown): void {
  const errors = validateDocument(kind, doc);
  if (errors.length) throw invalid(errors.map((e) => ({ path: e.path, message: e.message })));
}

/** Validates an object after a field write; errors about that field are reported relative to the request body. */
function assertObjectWithField(obj: ObjectDef, field: string): void {
  const prefix = `/fields/${field}`;
  const errors = validateDocument('object', obj);
  if (errors.length) {
    throw invalid(errors.map((e) => ({ path: e.path === prefix ? '/' : e.path.startsWith(prefix + '/') ? e.path.slice(prefix.length) : e.path, message: e.message })));
  }
}

function objectOrThrow(effective: MetadataSet, name: string): ObjectDef {
  const obj = effective.objects[name];
  if (!obj) throw notFound(`No object ${name}`);
  return obj;
}

export const createObject = (doc: ObjectDef): Change => (admin, effective) => {
  assertDocument('object', doc);
  if (effective.objects[doc.name]) throw conflict(`An object named ${doc.name} already exists${effective.objects[doc.name].archived ? ' (archived)' : ''}`, { errors: [{ path: '/name', message: 'is taken' }] });
  admin.objects[doc.name] = doc;
  return admin;
};

const PATCHABLE = ['label', 'pluralLabel', 'description', 'icon', 'titleField', 'searchFields', 'trackHistory', 'validations', 'unique', 'indexes', 'duplicateRules', 'fields'];

export const patchObject = (name: string, patch: Record<string, unknown>): Change => (admin, effective) => {
  const obj = structuredClone(objectOrThrow(effective, name));
  const unknown = Object.keys(patch).filter((k) => !PATCHABLE.includes(k));
  if (unknown.length) throw invalid(unknown.map((k) => ({ path: `/${k}`, message: k === 'name' || k === 'kind' ? 'cannot be changed' : 'is not a known property' })));
  for (const [k, v] of Object.entries(patch)) {
    if (k !== 'fields') (obj as unknown as Record<string, unknown>)[k] = v;
  }
  const fields = (patch.fields ?? {}) as Record<string, Partial<FieldDef> | null>;
  for (const [f, def] of Object.entries(fields)) {
    obj.fields[f] = (obj.fields[f] ? { ...obj.fields[f], ...def } : def) as FieldDef;
  }
  assertDocument('object', obj);
  admin.objects[name] = obj;
  return admin;
};

export const addField = (object: string, body: { name: string } & Record<string, unknown>): Change => (admin, effective) => {
  const obj = structuredClone(objectOrThrow(effective, object));
  const { name, ...def } = body;
  if (typeof name !== 'string') throw invalid([{ path: '/name', message: 'is required' }]);
  if (obj.fields[name]) throw conflict(`Field ${object}.${name} already exists${obj.fields[name].archived ? ' (archived: restore it instead)' : ''}`, { errors: [{ path: '/name', message: 'is taken' }] });
  obj.fields[name] = def as unknown as FieldDef;
  assertObjectWithField(obj, name);
  admin.objects[object] = obj;
  return admin;
};

export const patchField = (object: string, field: string, patch: Record<string, unknown>): Change => (admin, effective) => {
  const obj = structuredClone(objectOrThrow(effective, object));
  if (!obj.fields[field]) throw notFound(`No field ${object}.${field}`);
  if ('name' in patch) throw invalid([{ path: '/name', message: 'field names never change; change the label instead' }]);
  // `null` clears a property (e.g. { maxLength: null } removes the limit)
  const merged: Record<string, unknown> = { ...obj.fields[field], ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === null) delete merged[k];
  obj.fields[field] = merged as unknown as FieldDef;
  assertObjectWithField(obj, field);
  admin.objects[object] = obj;
  return admin;
};

/** Archive (default) keeps the column and hides it; purge drops it — only for fields the admin layer owns. */
export const removeField = (object: string, field: string, purge: boolean, base: MetadataSet): Change => (admin, effective) => {
  const obj = structuredClone(objectOrThrow(effective, object));
  if (!obj.fields[field]) throw notFound(`No field ${object}.${field}`);
  if (purge) {
    if (base.objects[object]?.fields[field]) throw invalid([{ path: `/fields/${field}`, message: 'a base field can be archived, not purged' }]);
    delete obj.fields[field];
  } else if (base.objects[object]?.fields[field]) {
    obj.fields[field] = { ...obj.fields[field], hidden: true }; // a later layer may hide a base field, never drop it
  } else {
    obj.fields[field] = { ...obj.fields[field], archived: true };
  }
  admin.objects[object] = obj;
  return admin;
};

export const removeObject = (object: string, purge: boolean, base: MetadataSet): Change => (admin, effective) => {
  const obj = structuredClone(objectOrThrow(effective, object));
  if (purge) {
    if (base.objects[object]) throw invalid([{ path: `/objects/${object}`, message: 'a base object can be archived, not purged' }]);
    delete admin.objects[object];
  } else {
    admin.objects[object] = { ...obj, archived: true };
  }
  return admin;
};

export const putDefinition = (kind: Exclude<MetadataKind, 'object'>, name: string, doc: Record<string, unknown>): Change => (admin, effective) => {
  if (doc.name !== undefined && doc.name !== name) throw invalid([{ path: '/name', message: `must be "${name}" (the name in the URL)` }]);
  let full: Record<string, unknown> = { ...doc, kind, name };
  if (kind === 'automation') full = keepMaskedSecrets(full as unknown as AutomationDef, effective.automations[name]) as unknown as Record<string, unknown>;
  assertDocument(kind, full);
  (admin[SECTION_OF_KIND[kind]] as Record<string, unknown>)[name] = full;
  return admin;
};

export const deleteDefinition = (kind: Exclude<MetadataKind, 'object'>, name: string, base: MetadataSet): Change => (admin, effective) => {
  const section = SECTION_OF_KIND[kind];
  if (!(effective[section] as Record<string, unknown>)[name]) throw notFound(`No ${kind} ${name}`);
  if ((base[section] as Record<string, unknown>)[name]) throw new ProblemError('conflict', `${kind} ${name} is part of the base CRM; change it instead of deleting it`);
  delete (admin[section] as Record<string, unknown>)[name];
  return admin;
};

/** Replaces the whole admin layer (metadata import between environments). */
export const replaceAdminLayer = (bundle: MetadataSet): Change => (_admin, effective) => ({
  ...bundle,
  automations: Object.fromEntries(Object.entries(bundle.automations ?? {}).map(([n, a]) => [n, keepMaskedSecrets(a, effective.automations[n])])),
});
