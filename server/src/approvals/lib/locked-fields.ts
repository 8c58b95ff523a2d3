/**
 * The fields a write may not change while an approval is pending: every changed field outside the
 * process's `lock.editable` whitelist (DESIGN.md §2: "writes to fields outside lock.editable get 423").
 * @example lockedFields(['amount', 'description'], ['description']) // ['amount']
 */
export function lockedFields(changed: readonly string[], editable: readonly string[] | undefined): string[] {
  const allowed = new Set(editable ?? []);
  return changed.filter((f) => !allowed.has(f));
}
