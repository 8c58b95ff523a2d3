import type { MetadataSet } from '@loom/metadata';
import { compileRoleSet, type CompiledRoleSet } from './compile-role-set.js';
import { roleSetKey } from './expand-roles.js';

const MAX_ENTRIES = 1_000;

/** Compiled role sets per (sorted role set, metadata revision); a new revision drops the old ones. */
export class RoleSetCache {
  private revision: number | null = null;
  private readonly entries = new Map<string, CompiledRoleSet>();

  get(roles: readonly string[], revision: number, set: MetadataSet): CompiledRoleSet {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    const key = roleSetKey(roles);
    let compiled = this.entries.get(key);
    if (!compiled) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      compiled = compileRoleSet(roles, set);
      this.entries.set(key, compiled);
    }
    return compiled;
  }
}
