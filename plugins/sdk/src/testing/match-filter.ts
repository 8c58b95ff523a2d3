/** An in-memory subset of the condition language (DESIGN.md §2) for test contexts: comparisons, $in/$nin, $exists, $and/$or/$not. */
export function matchFilter(record: Record<string, unknown>, filter: Record<string, unknown> | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, cond]) => {
    if (key === '$and') return (cond as Record<string, unknown>[]).every((c) => matchFilter(record, c));
    if (key === '$or') return (cond as Record<string, unknown>[]).some((c) => matchFilter(record, c));
    if (key === '$not') return !matchFilter(record, cond as Record<string, unknown>);
    return matchValue(record[key], cond);
  });
}

function matchValue(value: unknown, cond: unknown): boolean {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) return value === cond;
  return Object.entries(cond as Record<string, unknown>).every(([op, arg]) => {
    const a = value as number | string, b = arg as number | string;
    switch (op) {
      case '$eq': return value === arg;
      case '$ne': return value !== arg;
      case '$gt': return value != null && a > b;
      case '$gte': return value != null && a >= b;
      case '$lt': return value != null && a < b;
      case '$lte': return value != null && a <= b;
      case '$in': return (arg as unknown[]).includes(value);
      case '$nin': return !(arg as unknown[]).includes(value);
      case '$exists': return (value !== null && value !== undefined) === arg;
      case '$contains': return typeof value === 'string' && value.includes(String(arg));
      default: throw new Error(`test context: operator ${op} is not supported in memory`);
    }
  });
}
