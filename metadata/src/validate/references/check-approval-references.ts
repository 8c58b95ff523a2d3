import { childPointer, pointer } from '../../json/json-pointer.js';
import { findDefinition } from '../../set/find-definitions.js';
import type { ApprovalDef, Approvers } from '../../types/approval-def.js';
import { checkCondition, isWritable, requireField, requireObject, type ReferenceContext } from './reference-context.js';

/** Checks an approval process's object, conditions, approvers and outcome fields. */
export function checkApprovalReferences(ctx: ReferenceContext, a: ApprovalDef): void {
  const base = pointer('approvals', a.name);
  if (!requireObject(ctx, a.object, childPointer(base, 'object'))) return;
  checkCondition(ctx, a.entry, childPointer(base, 'entry'), a.object);
  a.lock?.editable?.forEach((f, i) => requireField(ctx, a.object, f, childPointer(base, 'lock', 'editable', i)));
  a.steps.forEach((step, i) => {
    const at = childPointer(base, 'steps', i);
    checkCondition(ctx, step.when, childPointer(at, 'when'), a.object);
    checkApprovers(ctx, a.object, step.approvers, childPointer(at, 'approvers'));
    if (step.timeout?.to) checkApprovers(ctx, a.object, step.timeout.to, childPointer(at, 'timeout', 'to'));
  });
  for (const key of ['onApproved', 'onRejected', 'onRecalled'] as const) {
    const outcome = a[key];
    if (!outcome) continue;
    for (const [field, value] of Object.entries(outcome.set)) {
      const at = childPointer(base, key, 'set', field);
      const def = requireField(ctx, a.object, field, at);
      if (!def) continue;
      if (!isWritable(def)) ctx.errors.add(at, `${def.type} field "${field}" cannot be set`, 'invalid_reference');
      else if (def.type === 'select' && value !== null && !def.options.some((o) => o.key === value)) {
        ctx.errors.add(at, `${JSON.stringify(value)} is not an option of ${field}`, 'unknown_option');
      }
    }
  }
}

function checkApprovers(ctx: ReferenceContext, object: string, approvers: Approvers, at: string): void {
  if (approvers.role !== undefined && !findDefinition(ctx.set, 'roles', approvers.role)) {
    ctx.errors.add(childPointer(at, 'role'), `unknown role "${approvers.role}"`, 'unknown_role');
  }
  if (approvers.userField !== undefined) {
    const def = requireField(ctx, object, approvers.userField, childPointer(at, 'userField'));
    if (def && def.type !== 'user') ctx.errors.add(childPointer(at, 'userField'), `"${approvers.userField}" is not a user field`, 'type_mismatch');
  }
}
