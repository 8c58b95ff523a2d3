import { childPointer, pointer } from '../../json/json-pointer.js';
import { isManyToOne } from '../../set/find-definitions.js';
import { resolveFieldPath } from '../../set/resolve-field-path.js';
import { layoutFieldName, type LayoutDef } from '../../types/layout-def.js';
import { checkCondition, requireField, requireObject, type ReferenceContext } from './reference-context.js';

/** Checks that a layout's sections, list columns and related lists name existing fields. */
export function checkLayoutReferences(ctx: ReferenceContext, layout: LayoutDef): void {
  const base = pointer('layouts', layout.name);
  if (!requireObject(ctx, layout.object, childPointer(base, 'object'))) return;
  layout.sections.forEach((s, i) => {
    const at = childPointer(base, 'sections', i);
    checkCondition(ctx, s.visibleWhen, childPointer(at, 'visibleWhen'), layout.object);
    s.fields.forEach((entry, j) => {
      if (typeof entry === 'string') return void requireField(ctx, layout.object, entry, childPointer(at, 'fields', j));
      requireField(ctx, layout.object, layoutFieldName(entry), childPointer(at, 'fields', j, 'field'));
      checkCondition(ctx, entry.visibleWhen, childPointer(at, 'fields', j, 'visibleWhen'), layout.object);
    });
  });
  layout.list?.columns.forEach((c, i) => checkPath(ctx, layout.object, c, childPointer(base, 'list', 'columns', i)));
  layout.list?.sort?.forEach((s, i) => checkPath(ctx, layout.object, s.replace(/^-/, ''), childPointer(base, 'list', 'sort', i)));
  layout.relatedLists?.forEach((r, i) => {
    const at = childPointer(base, 'relatedLists', i);
    if (!requireObject(ctx, r.object, childPointer(at, 'object'))) return;
    const relation = requireField(ctx, r.object, r.relation, childPointer(at, 'relation'));
    if (relation && !(isManyToOne(relation) && relation.target === layout.object)) {
      ctx.errors.add(childPointer(at, 'relation'), `"${r.object}.${r.relation}" must be a manyToOne relation to ${layout.object}`, 'invalid_reference');
    }
    r.columns.forEach((c, j) => checkPath(ctx, r.object, c, childPointer(at, 'columns', j)));
  });
}

function checkPath(ctx: ReferenceContext, object: string, path: string, at: string): void {
  const res = resolveFieldPath(ctx.set, object, path.split('.'));
  if (res.error) ctx.errors.add(at, res.error.message, res.error.code);
}
