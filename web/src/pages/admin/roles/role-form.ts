import type { ConditionJson, FieldAccess, ObjectPermission, RecordScope, RoleDef } from '@loom/metadata';
import { cloneJson, extraProps, labelForm, labelFromForm, setDefined } from '@/designers/label-form';
import type { LabelForm } from '@/designers/label-form';

export const RECORD_ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** A record scope as the matrix edits it: a named scope, yes/no (true/false), a condition, or not granted here. */
export type ScopeKind = 'unset' | 'all' | 'team' | 'subordinates' | 'own' | 'none' | 'yes' | 'no' | 'condition';
export interface ScopeForm {
  kind: ScopeKind;
  condition?: ConditionJson;
}

export interface ObjectPermissionForm {
  object: string;
  read: ScopeForm;
  create: ScopeForm;
  update: ScopeForm;
  delete: ScopeForm;
  /** Field → access; a field not listed keeps the default (write when the object is writable). */
  fields: Record<string, FieldAccess>;
  /** The document listed the object (an emptied entry it listed is kept as `{}`). */
  listed: boolean;
}

export interface RoleForm {
  name: string;
  label: LabelForm;
  description: LabelForm;
  /** null: the document does not say. */
  admin: boolean | null;
  inherits: string[];
  objects: ObjectPermissionForm[];
  extra: Record<string, unknown>;
}

const ROLE_PROPS = ['kind', 'name', 'label', 'description', 'admin', 'inherits', 'objects'];

export function scopeForm(scope: RecordScope | undefined): ScopeForm {
  if (scope === undefined) return { kind: 'unset' };
  if (scope === true) return { kind: 'yes' };
  if (scope === false) return { kind: 'no' };
  if (typeof scope === 'string') return { kind: scope };
  return { kind: 'condition', condition: cloneJson(scope) };
}

/** The document's scope; undefined when not granted here (or a condition left empty). */
export function scopeFromForm(form: ScopeForm): RecordScope | undefined {
  switch (form.kind) {
    case 'unset':
      return undefined;
    case 'yes':
      return true;
    case 'no':
      return false;
    case 'condition':
      return form.condition && Object.keys(form.condition).length ? cloneJson(form.condition) : undefined;
    default:
      return form.kind;
  }
}

export function objectPermissionForm(object: string, permission: ObjectPermission | undefined): ObjectPermissionForm {
  return {
    object,
    read: scopeForm(permission?.read),
    create: scopeForm(permission?.create),
    update: scopeForm(permission?.update),
    delete: scopeForm(permission?.delete),
    fields: { ...(permission?.fields ?? {}) },
    listed: permission !== undefined,
  };
}

/** The designer's state of a role; `objects` lists the role's objects first, then the other `known` ones. */
export function roleForm(document: Partial<RoleDef>, known: readonly string[] = []): RoleForm {
  const listed = Object.keys(document.objects ?? {});
  return {
    name: document.name ?? '',
    label: labelForm(document.label),
    description: labelForm(document.description),
    admin: document.admin ?? null,
    inherits: [...(document.inherits ?? [])],
    objects: [...listed, ...known.filter((name) => !listed.includes(name))].map((name) => objectPermissionForm(name, document.objects?.[name])),
    extra: cloneJson(extraProps(document, ROLE_PROPS)),
  };
}

export function objectPermissionDocument(form: ObjectPermissionForm): ObjectPermission | undefined {
  const permission: ObjectPermission = {};
  for (const action of RECORD_ACTIONS) setDefined(permission, action, scopeFromForm(form[action]));
  if (Object.keys(form.fields).length) permission.fields = { ...form.fields };
  return Object.keys(permission).length || form.listed ? permission : undefined;
}

/** The full role document the matrix describes (what `PUT /api/metadata/roles/{name}` gets). */
export function roleDocument(form: RoleForm): RoleDef {
  const document: RoleDef = { ...cloneJson(form.extra), kind: 'role', name: form.name.trim() };
  setDefined(document, 'label', labelFromForm(form.label));
  setDefined(document, 'description', labelFromForm(form.description));
  setDefined(document, 'admin', form.admin ?? undefined);
  if (form.inherits.length) document.inherits = [...form.inherits];
  const objects: Record<string, ObjectPermission> = {};
  for (const entry of form.objects) setDefined(objects, entry.object, objectPermissionDocument(entry));
  if (Object.keys(objects).length) document.objects = objects;
  return document;
}

/** Sets one field's access; `default` removes the override. */
export function setFieldAccess(entry: ObjectPermissionForm, field: string, access: FieldAccess | 'default'): void {
  const fields = { ...entry.fields };
  if (access === 'default') delete fields[field];
  else fields[field] = access;
  entry.fields = fields;
}

/** Every form item prop a server error path may point at (`objects.opportunity.read`, …). */
export function roleErrorProps(form: RoleForm): string[] {
  const props = ['name', 'label', 'description', 'admin', 'inherits', 'objects'];
  for (const entry of form.objects) {
    props.push(`objects.${entry.object}`, `objects.${entry.object}.fields`);
    for (const action of RECORD_ACTIONS) props.push(`objects.${entry.object}.${action}`);
  }
  return props;
}
