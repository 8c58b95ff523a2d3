/** `{ field: { from, to } }` for every field whose value differs (deep for arrays and JSON). */
export function recordChanges(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const from = before[f] ?? null, to = after[f] ?? null;
    if (!same(from, to)) changes[f] = { from, to };
  }
  return changes;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b) && a !== null && b !== null;
  return JSON.stringify(a) === JSON.stringify(b);
}
