/**
 * Standing delegation: a task meant for a user with `delegate_to` set goes to the delegate instead.
 * One hop only (a delegate's own delegation is not followed, so chains and loops cannot form);
 * duplicates collapse, first occurrence kept.
 * @example applyDelegation(['ann', 'bob'], new Map([['ann', 'bob']])) // ['bob']
 */
export function applyDelegation(userIds: readonly string[], delegates: ReadonlyMap<string, string>): string[] {
  return [...new Set(userIds.map((id) => delegates.get(id) ?? id))];
}
