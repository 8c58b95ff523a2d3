import { layoutFieldName, type LayoutDef, type MetadataSet, type ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';

/** Per object: may the caller read it at all, and which fields are masked (access none). */
export type MetadataMask = (object: string) => { readable: boolean; hidden: ReadonlySet<string> };

/**
 * The metadata a caller sees: archived objects and fields removed; with a permission `mask`
 * (every caller but admins), objects the caller cannot read are removed — with the pipelines,
 * approvals, layouts and automations about them — and fields with access none are masked.
 */
export function visibleMetadata(set: MetadataSet, _user: CurrentUser, mask?: MetadataMask): MetadataSet {
  const objects: Record<string, ObjectDef> = {};
  for (const [name, obj] of Object.entries(set.objects)) {
    if (obj.archived) continue;
    const m = mask?.(name);
    if (m && !m.readable) continue;
    objects[name] = { ...obj, fields: Object.fromEntries(Object.entries(obj.fields).filter(([f, d]) => !d.archived && !m?.hidden.has(f))) };
  }
  if (!mask) return { ...set, objects };
  const about = <T>(defs: Record<string, T>, objectOf: (d: T) => unknown): Record<string, T> =>
    Object.fromEntries(Object.entries(defs).filter(([, d]) => { const o = objectOf(d); return typeof o !== 'string' || Object.hasOwn(objects, o); }));
  return {
    ...set,
    objects,
    pipelines: about(set.pipelines, (p) => p.object),
    approvals: about(set.approvals, (a) => a.object),
    layouts: Object.fromEntries(Object.entries(about(set.layouts, (l) => l.object)).map(([n, l]) => [n, maskLayout(l, mask(l.object).hidden)])),
    automations: about(set.automations, (a) => (a.trigger as { object?: unknown } | undefined)?.object),
  };
}

/** A layout without the masked fields of its object (sections, list columns; first path segment). */
function maskLayout(layout: LayoutDef, hidden: ReadonlySet<string>): LayoutDef {
  if (hidden.size === 0) return layout;
  const shown = (path: string) => !hidden.has(path.split('.')[0]!);
  return {
    ...layout,
    sections: layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => shown(layoutFieldName(f))) })),
    ...(layout.list ? { list: { ...layout.list, columns: layout.list.columns.filter(shown), sort: layout.list.sort?.filter((k) => shown(k.replace(/^-/, ''))) } } : {}),
  };
}
