import type { ObjectDef } from '@loom/metadata';

/** `{ field: { from, to } }` (RecordWriter's changes) → `{ field: to }` (a hook's `changes`). */
export function valuesOf(changes: Record<string, { from: unknown; to: unknown }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.to]));
}

/** The stage fields an update moved, as `stageChanged` events. */
export function stageChanges(obj: ObjectDef, changes: Record<string, { from: unknown; to: unknown }>): { field: string; from: string | null; to: string }[] {
  return Object.entries(changes)
    .filter(([f, c]) => obj.fields[f]?.type === 'stage' && typeof c.to === 'string')
    .map(([field, c]) => ({ field, from: (c.from as string | null) ?? null, to: c.to as string }));
}
