import type { FieldAccess } from '@loom/metadata';
import type { PermissionAbility } from './build-ability.js';
import { atLeast } from './field-access.js';
import type { Grant, ObjectDecision, RecordAction, RuleRef, ScopeSpec } from './permission-types.js';
import { scopeCondition } from './role-scope.js';

/** `GET /api/permissions/explain` (API.md "Permission explain"). */
export interface Explanation {
  allowed: boolean;
  decidedBy: { role: string | null; rule: string | null };
  /** The combined scope: `all`, `none`, one role's scope as written, or `{ $or: [...] }` of several. */
  scope: ScopeSpec | { $or: unknown[] };
  fields: Record<string, FieldAccess>;
}

export interface ExplainInput {
  decision: ObjectDecision;
  action: RecordAction;
  field?: string;
  /** The record as stored (unscoped), when one was named; null when it was named but is not there. */
  record?: Record<string, unknown> | null;
  ability: PermissionAbility;
  /** A share of the record with the user (or their team) that gives this action, if any. */
  shareId?: string;
}

const NOBODY = { role: null, rule: null };

/**
 * Decides and explains: which grant (first in role order) allows the action on the object or the
 * record, or which field rule forbids it. Shares count for read (any share) and update (write).
 */
export function explainDecision(input: ExplainInput): Explanation {
  const { decision, action, field, record, ability } = input;
  const grants = decision.actions[action].grants;
  const fields = Object.fromEntries(Object.entries(decision.fields)
    .filter(([name]) => field === undefined || name === field)
    .map(([name, f]) => [name, f.access]));
  const base = { scope: combinedScope(grants), fields };
  if (record === null) return { ...base, allowed: false, decidedBy: NOBODY };
  const needed: FieldAccess = action === 'read' ? 'read' : 'write';
  const fieldRule = field !== undefined && action !== 'delete' ? decision.fields[field] : undefined;
  if (fieldRule && !atLeast(fieldRule.access, needed)) return { ...base, allowed: false, decidedBy: refOf(fieldRule.decidedBy) };
  const grant: Grant | undefined = record ? ability.grantFor(action, decision.object, record) : grants.find((g) => !g.condition) ?? grants[0];
  if (grant) return { ...base, allowed: true, decidedBy: { role: grant.role, rule: grant.rule } };
  if (input.shareId && grants.length > 0) return { ...base, allowed: true, decidedBy: { role: null, rule: `/shares/${input.shareId}` } };
  return { ...base, allowed: false, decidedBy: NOBODY };
}

function refOf(ref: RuleRef | undefined): Explanation['decidedBy'] {
  return ref ? { role: ref.role, rule: ref.rule } : NOBODY;
}

function combinedScope(grants: Grant[]): Explanation['scope'] {
  if (grants.length === 0) return 'none';
  if (grants.some((g) => g.scope === 'all')) return 'all';
  if (grants.length === 1) return grants[0]!.scope;
  return { $or: grants.map((g) => scopeCondition(g.scope)) };
}
