import { fieldValueKind, type MetadataSet, type ResolvedField } from '@loom/metadata';
import type { FieldVisibility } from '../../check/field-visibility.js';
import type { RequestProblems } from '../../check/request-problems.js';
import { resolveReadablePath } from '../../check/resolve-path.js';
import { defaultFieldNames, type ProjectedField } from './compile-projection.js';
import { isExpandable } from './compile-expand.js';

export const MAX_EXPANDS = 10;
export const MAX_FIELDS = 100;

export interface ProjectionRequest {
  fields?: readonly string[];
  expand?: readonly string[];
  deleted?: boolean;
}

/**
 * Checks `fields` and `expand` (`/fields/i`, `/expand/i`: unknown 400, hidden 403, expanding a
 * non-relation 400, more than 10 expands 400) and lists what the record will hold: id, the
 * named fields (or the default projection), and every expanded relation.
 */
export function resolveProjection(
  set: MetadataSet, object: string, request: ProjectionRequest, vis: FieldVisibility, problems: RequestProblems,
): { fields: ProjectedField[]; expand: ResolvedField[] } {
  const expand = resolveExpand(set, object, request.expand ?? [], vis, problems);
  const expanded = new Set(expand.map((f) => f.name));
  const fields: ProjectedField[] = [];
  const add = (path: string, field: ResolvedField | undefined) => {
    if (field && !fields.some((f) => f.path.join('.') === path)) fields.push({ path: path.split('.'), field });
  };
  if (request.fields === undefined) {
    for (const name of defaultFieldNames(set, object, vis, { deleted: request.deleted, expanded })) {
      add(name, resolveReadablePath(set, object, name, '', vis, problems));
    }
    return { fields, expand };
  }
  if (request.fields.length > MAX_FIELDS) problems.bad('/fields', `at most ${MAX_FIELDS} fields`);
  add('id', resolveReadablePath(set, object, 'id', '', vis, problems));
  request.fields.forEach((path, i) => {
    const field = resolveReadablePath(set, object, path, `/fields/${i}`, vis, problems);
    if (field && fieldValueKind(field.def, set) === 'none' && !(path === field.name && expanded.has(path))) {
      return problems.bad(`/fields/${i}`, `"${path}" is a oneToMany relation and holds no value; use expand`);
    }
    add(path, field);
  });
  for (const f of expand) add(f.name, f);
  return { fields, expand };
}

function resolveExpand(
  set: MetadataSet, object: string, names: readonly string[], vis: FieldVisibility, problems: RequestProblems,
): ResolvedField[] {
  const unique = [...new Set(names)];
  if (unique.length > MAX_EXPANDS) {
    problems.bad('/expand', `at most ${MAX_EXPANDS} relations may be expanded`);
    return [];
  }
  const out: ResolvedField[] = [];
  unique.forEach((name) => {
    const at = `/expand/${names.indexOf(name)}`;
    if (typeof name === 'string' && name.includes('.')) return problems.bad(at, 'expand takes relation fields of the object itself');
    const field = resolveReadablePath(set, object, name, at, vis, problems);
    if (!field) return;
    if (!isExpandable(field.def)) return problems.bad(at, `"${name}" is not a relation or user field`);
    out.push(field);
  });
  return out;
}
