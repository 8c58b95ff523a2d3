import { isSystemField, type ObjectDef } from '@loom/metadata';
import type { ProblemItem } from '../common/problem.js';
import { recordChanges } from '../records/lib/record-changes.js';
import { isComputedOrReadOnly } from './field-access.js';
import type { ObjectDecision } from './permission-types.js';

export const NOT_WRITABLE = 'is not writable for your role';

/**
 * The fields of a write body the caller may not write, as problem items (`/cost`). Left to the
 * validator (422 for everyone): unknown names, system columns other than `owner`, computed and
 * read-only fields. `none` fields are refused even when unchanged (else the answer would tell
 * their value); `read` fields may be sent back unchanged on update. `owner` may be set to the
 * caller on create, left unchanged on update, and otherwise only by a role whose update scope
 * reaches records it does not own (all or team) — no mass-assigning records to others.
 * @example unwritableFields(obj, decision, { cost: 5 }, userId) // [{ path: '/cost', message: 'is not writable for your role' }]
 */
export function unwritableFields(
  obj: ObjectDef, decision: ObjectDecision, body: Record<string, unknown>, userId: string, existing?: Record<string, unknown>,
): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const unchanged = (field: string) => existing !== undefined && Object.keys(recordChanges(existing, body, [field])).length === 0;
  for (const field of Object.keys(body)) {
    if (field === 'owner') {
      const allowed = decision.ownerAssignable || (existing ? unchanged('owner') : body.owner === userId || body.owner == null);
      if (!allowed) problems.push({ path: '/owner', message: NOT_WRITABLE });
      continue;
    }
    const def = Object.hasOwn(obj.fields, field) ? obj.fields[field] : undefined;
    if (!def || def.archived || isSystemField(field) || isComputedOrReadOnly(def)) continue;
    const access = decision.fields[field]?.access ?? 'none';
    if (access === 'write' || (access === 'read' && unchanged(field))) continue;
    problems.push({ path: `/${field}`, message: NOT_WRITABLE });
  }
  return problems;
}
