import type { MetadataSet, RoleDef } from '@loom/metadata';

/**
 * The roles a user holds: the named ones and everything they inherit, transitively, each once,
 * in a stable order (the user's roles as given, then depth-first ancestors). Unknown names and
 * inheritance cycles are skipped, never an error: a role removed from metadata grants nothing.
 * @example expandRoles(['sales_director'], set) // [sales_director, sales_manager]
 */
export function expandRoles(names: readonly string[], set: MetadataSet): RoleDef[] {
  const out: RoleDef[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const role = Object.hasOwn(set.roles, name) ? set.roles[name] : undefined;
    if (!role || typeof role !== 'object') return;
    out.push(role);
    for (const parent of Array.isArray(role.inherits) ? role.inherits : []) visit(parent);
  };
  names.forEach(visit);
  return out;
}

/** The cache key of a role set: sorted, deduplicated names. */
export function roleSetKey(names: readonly string[]): string {
  return [...new Set(names)].sort().join(',');
}
