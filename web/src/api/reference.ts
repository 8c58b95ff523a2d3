/** A link to another row as the API may send it: a bare id, or an expanded `{ id, name | title }`. */
export type Reference = string | { id: string; name?: string; title?: string } | null | undefined;

export function referenceId(ref: Reference): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

/** The display name of a reference, looked up by id when the API sent only the id. */
export function referenceName(ref: Reference, namesById: ReadonlyMap<string, string> = new Map()): string | null {
  if (!ref) return null;
  if (typeof ref !== 'string' && (ref.name || ref.title)) return ref.name ?? ref.title ?? null;
  const id = referenceId(ref)!;
  return namesById.get(id) ?? id;
}
