/** True for plain JSON objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup that never reaches the prototype (`constructor`, `__proto__`). */
export function ownValue<T>(record: Record<string, T> | undefined | null, key: string): T | undefined {
  if (!isRecord(record) || !Object.hasOwn(record, key)) return undefined;
  return record[key];
}

/** Own entries of a record, or none when the value is not a record. */
export function ownEntries<T = unknown>(record: Record<string, T> | unknown): [string, T][] {
  return isRecord(record) ? (Object.entries(record) as [string, T][]) : [];
}
