import { pointer } from '../json/json-pointer.js';
import { layoutFieldName, type LayoutDef } from '../types/layout-def.js';
import type { ErrorList } from './metadata-error.js';

/** Checks a layout on its own: unique section names, each field in one section only. */
export function checkLayoutDocument(doc: LayoutDef, errors: ErrorList): void {
  const sections = new Set<string>();
  const placed = new Map<string, string>();
  doc.sections.forEach((s, i) => {
    if (sections.has(s.name)) errors.add(pointer('sections', i, 'name'), `duplicate section "${s.name}"`, 'duplicate_name');
    sections.add(s.name);
    s.fields.forEach((entry, j) => {
      const f = layoutFieldName(entry);
      const other = placed.get(f);
      if (other !== undefined) errors.add(pointer('sections', i, 'fields', j), `"${f}" is already in section "${other}"`, 'duplicate_name');
      else placed.set(f, s.name);
    });
  });
}
