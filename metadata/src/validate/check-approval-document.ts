import { pointer } from '../json/json-pointer.js';
import type { ApprovalDef } from '../types/approval-def.js';
import type { ErrorList } from './metadata-error.js';

/** Checks an approval process on its own: unique step names, timeouts that can fire. */
export function checkApprovalDocument(doc: ApprovalDef, errors: ErrorList): void {
  const names = new Set<string>();
  doc.steps.forEach((step, i) => {
    if (names.has(step.name)) errors.add(pointer('steps', i, 'name'), `duplicate step "${step.name}"`, 'duplicate_name');
    names.add(step.name);
    const t = step.timeout;
    if (!t) return;
    const minutes = (t.days ?? 0) * 1440 + (t.hours ?? 0) * 60 + (t.minutes ?? 0);
    if (minutes <= 0) errors.add(pointer('steps', i, 'timeout'), 'needs days, hours or minutes greater than 0', 'invalid_value');
    if (t.action === 'escalate' && !t.to) errors.add(pointer('steps', i, 'timeout', 'to'), 'is required to escalate', 'required');
    if (t.action !== 'escalate' && t.to) errors.add(pointer('steps', i, 'timeout', 'to'), 'applies only to escalate', 'invalid_value');
  });
}
