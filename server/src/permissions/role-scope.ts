import { parseCondition, type ConditionJson, type ConditionNode, type MetadataSet, type RecordScope } from '@loom/metadata';
import type { NamedScope, ScopeSpec } from './permission-types.js';

const NAMED: ReadonlySet<string> = new Set(['all', 'team', 'subordinates', 'own', 'none']);

/** `true` → all, `false` / missing / anything malformed → none (fail closed). */
export function normalizeScope(raw: RecordScope | undefined): ScopeSpec {
  if (raw === true) return 'all';
  if (raw === false || raw === undefined || raw === null) return 'none';
  if (typeof raw === 'string') return NAMED.has(raw) ? (raw as NamedScope) : 'none';
  return typeof raw === 'object' && !Array.isArray(raw) ? raw : 'none';
}

const OWN: ConditionJson = { owner: '$user.id' };

/**
 * The condition behind a scope; undefined for `all` and `none`. Team and subordinates include the
 * caller's own records, so a user without a team or reports still reaches what they own.
 */
export function scopeCondition(scope: ScopeSpec): ConditionJson | undefined {
  switch (scope) {
    case 'all':
    case 'none':
      return undefined;
    case 'own':
      return { ...OWN };
    case 'team':
      return { $or: [{ owner: { $in: '$user.team' } }, { ...OWN }] };
    case 'subordinates':
      return { $or: [{ owner: { $in: '$user.subordinates' } }, { ...OWN }] };
    default:
      return scope;
  }
}

/** A scope condition parsed against its object; null when it does not parse (the grant is then void). */
export function parseScope(condition: ConditionJson, object: string, set: MetadataSet): ConditionNode | null {
  return parseCondition(condition, { object, set }).ast;
}

/** Scopes that reach records owned by others without limit of ownership: `owner` may then be assigned. */
export function reachesOthersRecords(scope: ScopeSpec): boolean {
  return scope === 'all' || scope === 'team';
}
