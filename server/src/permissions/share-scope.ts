import { parseCondition, type ConditionNode, type MetadataSet } from '@loom/metadata';
import { isNever } from './permission-types.js';

/** Shared record ids per object (the `$in` limit of the condition language bounds each list). */
export type SharedIds = ReadonlyMap<string, readonly string[]>;
export const MAX_SHARED_IDS_PER_OBJECT = 1000;

/**
 * A share is an additive grant: the role scope OR `id IN (records shared with me or my team)`.
 * Like object permissions elsewhere (sharing never opens an object the roles cannot read at all),
 * a never-true role scope stays never-true, and an unrestricted one needs no ids.
 * @example withShares(ownScope, ['d…1'], 'opportunity', set) // { kind: 'or', items: [ownScope, id $in […]] }
 */
export function withShares(scope: ConditionNode | undefined, ids: readonly string[] | undefined, object: string, set: MetadataSet): ConditionNode | undefined {
  if (scope === undefined || isNever(scope) || !ids?.length) return scope;
  const shared = parseCondition({ id: { $in: ids.slice(0, MAX_SHARED_IDS_PER_OBJECT) } }, { object, set }).ast;
  return shared ? { kind: 'or', items: [scope, shared] } : scope;
}
