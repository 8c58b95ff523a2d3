import type { ConditionJson, ConditionNode, FieldAccess } from '@loom/metadata';

/** What a role grants on an object's records (DESIGN.md §2). */
export type RecordAction = 'read' | 'create' | 'update' | 'delete';
export const RECORD_ACTIONS: readonly RecordAction[] = ['read', 'create', 'update', 'delete'];

/** A role's record scope after `true`/`false`/missing are folded into `all`/`none`. */
export type NamedScope = 'all' | 'team' | 'subordinates' | 'own' | 'none';
export type ScopeSpec = NamedScope | ConditionJson;

/** Where a decision came from: the role and a JSON pointer into it (`/objects/opportunity/read`). */
export interface RuleRef {
  role: string;
  rule: string;
}

/** One role's grant of one action on one object. `condition` is undefined for `all`. */
export interface Grant extends RuleRef {
  scope: Exclude<ScopeSpec, 'none'>;
  condition?: ConditionJson;
  /** The parsed condition; undefined for `all`. */
  node?: ConditionNode;
}

/** Every grant of one action on one object, OR'ed. */
export interface ActionDecision {
  grants: Grant[];
  /** undefined = every record; NEVER_CONDITION when no role grants the action. */
  scope: ConditionNode | undefined;
}

/** The field access of one field and the rule that gave it (undefined when no role mentions the object). */
export interface FieldDecision {
  access: FieldAccess;
  decidedBy?: RuleRef;
}

/** What a set of roles may do with one object. */
export interface ObjectDecision {
  object: string;
  actions: Record<RecordAction, ActionDecision>;
  /** Every defined (non-archived) field and system field except deleted_at. */
  fields: Record<string, FieldDecision>;
  /** Fields the caller may not read (for ReadAccess.hiddenFor). */
  hidden: ReadonlySet<string>;
  /** Some role may update records it does not own (scope all or team): `owner` may be assigned. */
  ownerAssignable: boolean;
}

/** A never-true condition: `$or` of nothing (compiles to FALSE, evaluates to false). */
export const NEVER_CONDITION: ConditionNode = Object.freeze({ kind: 'or', items: [] }) as ConditionNode;

export function isNever(node: ConditionNode | undefined): boolean {
  return node !== undefined && node.kind === 'or' && node.items.length === 0;
}
