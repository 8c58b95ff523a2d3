import type { MetadataSet } from '@loom/metadata';
import { compileRoleSet, type CompiledRoleSet } from './compile-role-set.js';
import { roleSetKey } from './expand-roles.js';

const MAX_ENTRIES = 1_000;

/** Compiled role sets per (sorted role set, metadata revision); a new revision drops the old ones. */
export class RoleSetCache {
  private revision: number | null = null;
  private readonly entries = new Map<string, CompiledRoleSet>();
  /** By the roles array itself: a caller's array (from the session cache) is asked for several times a request. */
  private byArray = new WeakMap<readonly string[], CompiledRoleSet>();

  get(roles: readonly string[], revision: number, set: MetadataSet): CompiledRoleSet {
    if (revision !== this.revision) {
      this.entries.clear();
      this.byArray = new WeakMap();
      this.revision = revision;
    }
    const known = this.byArray.get(roles);
    if (known) return known;
    const key = roleSetKey(roles);
    let compiled = this.entries.get(key);
    if (!compiled) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      compiled = compileRoleSet(roles, set);
      this.entries.set(key, compiled);
    }
    this.byArray.set(roles, compiled);
    return compiled;
  }
}
