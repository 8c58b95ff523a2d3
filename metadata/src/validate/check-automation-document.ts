import { pointer } from '../json/json-pointer.js';
import { isRecordTrigger, isScheduleTrigger, type AutomationDef } from '../types/automation-def.js';
import { cronProblem } from './validate-cron.js';
import type { ErrorList } from './metadata-error.js';

/** Checks an automation on its own: cron syntax, trigger options, actions that need a record. */
export function checkAutomationDocument(doc: AutomationDef, errors: ErrorList): void {
  const t = doc.trigger;
  if (isScheduleTrigger(t)) {
    const problem = cronProblem(t.schedule);
    if (problem) errors.add('/trigger/schedule', problem, 'invalid_schedule');
  }
  if (isRecordTrigger(t) && t.fields && t.event !== 'updated') {
    errors.add('/trigger/fields', 'applies only to the updated event', 'invalid_value');
  }
  const hasRecord = 'object' in t && t.object !== undefined && !(isRecordTrigger(t) && t.event === 'deleted');
  doc.actions.forEach((a, i) => {
    if ((a.type === 'updateRecord' || a.type === 'startApproval') && !hasRecord) {
      errors.add(pointer('actions', i), `${a.type} needs a trigger with a (not deleted) record`, 'invalid_value');
    }
  });
}
