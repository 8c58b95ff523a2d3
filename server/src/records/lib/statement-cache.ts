/** A uuid no record has: compiled in place of the id, then found in the parameters and replaced. */
export const ID_PLACEHOLDER = '00000000-0000-4000-8000-00000000dead';

interface Statement { sql: string; params: unknown[] }

/**
 * Compiled reads per (revision, object, caller, scope, request shape), reused for a short time:
 * compiling is most of a simple read's CPU. A key holds everything the SQL depends on except the
 * clock, so an entry lives `ttlMs` at most — `$now` in a cached scope is at most that old.
 */
export class StatementCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();

  constructor(private readonly ttlMs = 1_000, private readonly maxEntries = 5_000) {}

  /** The value kept under `key`, made by `make()` when missing or older than the ttl. */
  memo<T>(key: string, now: number, make: () => T): T {
    const hit = this.entries.get(key);
    if (hit && now - hit.at <= this.ttlMs) return hit.value as T;
    const value = make();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, at: now });
    return value;
  }

  /** Whether `key` holds a value (not null) younger than the ttl: `memo`/`statementFor` will not compile. */
  fresh(key: string, now: number): boolean {
    const hit = this.entries.get(key);
    return hit !== undefined && hit.value !== null && now - hit.at <= this.ttlMs;
  }

  /** `compile(ID_PLACEHOLDER)` on a miss; the statement for `id` either way (parameters copied). */
  statementFor<S extends Statement>(key: string, id: string, now: number, compile: (id: string) => S): S {
    const template = this.memo(key, now, () => {
      const compiled = compile(ID_PLACEHOLDER);
      const idIndex = compiled.params.indexOf(ID_PLACEHOLDER);
      // the placeholder must stand for the id alone, or the statement is not reusable
      return idIndex < 0 || compiled.params.lastIndexOf(ID_PLACEHOLDER) !== idIndex ? null : { ...compiled, idIndex };
    });
    if (!template) return compile(id);
    const params = template.params.slice();
    params[template.idIndex] = id;
    return { ...template, params };
  }
}
