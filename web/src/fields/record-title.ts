/**
 * The text that names a record: its object's title field (`name` when the object names none),
 * or null when that is empty — the caller decides how an untitled record reads.
 */
export function recordTitleOf(object: { titleField?: string } | undefined, record: Record<string, unknown> | null | undefined): string | null {
  const value = record?.[object?.titleField ?? 'name'];
  return value === null || value === undefined || value === '' ? null : String(value);
}
