/** One difference between two JSON documents, at a readable path (`stages[demo].probability`). */
export interface DocumentDifference {
  path: string;
  op: 'add' | 'remove' | 'change' | 'reorder';
  before?: unknown;
  after?: unknown;
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The identity of an array item: its `key` or `name` (stages, steps, sections, actions by index otherwise). */
function identityOf(item: Json): string | null {
  if (!isObject(item)) return null;
  if (typeof item.key === 'string') return item.key;
  if (typeof item.name === 'string') return item.name;
  if (typeof item.from === 'string') return item.from;
  return null;
}

function identities(list: Json[]): string[] | null {
  const ids = list.map(identityOf);
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** JSON with object keys sorted: equal documents compare equal whatever order their keys came in. */
function stableText(value: Json): string {
  return JSON.stringify(value, (_key, inner: Json) =>
    isObject(inner) ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]])) : inner,
  );
}

/**
 * What changed from `before` to `after`: objects key by key, arrays of named items (stages, steps,
 * sections) item by item with a `reorder` entry when only their order moved, other arrays whole.
 */
export function diffDocuments(before: Json, after: Json, path = ''): DocumentDifference[] {
  if (stableText(before) === stableText(after)) return [];
  if (before === undefined) return [{ path, op: 'add', after }];
  if (after === undefined) return [{ path, op: 'remove', before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    return keys.flatMap((key) => diffDocuments(before[key], after[key], join(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = identities(before);
    const afterIds = identities(after);
    if (beforeIds && afterIds) return diffNamedLists(before, after, beforeIds, afterIds, path);
  }
  return [{ path, op: 'change', before, after }];
}

function diffNamedLists(before: Json[], after: Json[], beforeIds: string[], afterIds: string[], path: string): DocumentDifference[] {
  const result: DocumentDifference[] = [];
  for (const [index, id] of afterIds.entries()) {
    const at = beforeIds.indexOf(id);
    result.push(...diffDocuments(at === -1 ? undefined : before[at], after[index], `${path}[${id}]`));
  }
  for (const [index, id] of beforeIds.entries()) {
    if (!afterIds.includes(id)) result.push({ path: `${path}[${id}]`, op: 'remove', before: before[index] });
  }
  const kept = beforeIds.filter((id) => afterIds.includes(id));
  const keptAfter = afterIds.filter((id) => beforeIds.includes(id));
  if (kept.join('\u0000') !== keptAfter.join('\u0000')) result.push({ path, op: 'reorder', before: kept, after: keptAfter });
  return result;
}

/** A short one-line rendering of a value for the diff table. */
export function previewValue(value: unknown, max = 120): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
