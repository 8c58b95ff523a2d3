import { childPointer, pointer } from '../../json/json-pointer.js';
import { isSystemField } from '../../identifiers/system-fields.js';
import { fieldValueKind } from '../../set/field-value-kind.js';
import { findDefinition, findObject } from '../../set/find-definitions.js';
import type { AutomationDef } from '../../types/automation-def.js';
import { checkCondition, isBroken, isWritable, requireField, requireObject, type ReferenceContext } from './reference-context.js';

/** Checks an automation's trigger object and fields, its conditions and what its actions name. */
export function checkAutomationReferences(ctx: ReferenceContext, a: AutomationDef): void {
  const base = pointer('automations', a.name);
  const t = a.trigger;
  const object = 'object' in t ? t.object : undefined;
  if (object !== undefined && requireObject(ctx, object, childPointer(base, 'trigger', 'object'))) {
    if ('fields' in t) t.fields?.forEach((f, i) => requireField(ctx, object, f, childPointer(base, 'trigger', 'fields', i)));
    checkCondition(ctx, t.where, childPointer(base, 'trigger', 'where'), object);
    if ('dateField' in t) {
      const at = childPointer(base, 'trigger', 'dateField');
      const def = requireField(ctx, object, t.dateField, at);
      if (def && !['date', 'datetime'].includes(fieldValueKind(def, ctx.set))) ctx.errors.add(at, `"${t.dateField}" is not a date field`, 'type_mismatch');
    }
    const hasStage = Object.values(findObject(ctx.set, object)?.fields ?? {}).some((f) => f?.type === 'stage');
    if ('event' in t && t.event === 'stageChanged' && !hasStage) {
      ctx.errors.add(childPointer(base, 'trigger', 'event'), `${object} has no stage field`, 'invalid_reference');
    }
  }
  a.actions.forEach((action, i) => {
    const at = childPointer(base, 'actions', i);
    switch (action.type) {
      case 'updateRecord':
        if (object === undefined || !findObject(ctx.set, object)) return;
        checkValues(ctx, object, action.values ?? {}, childPointer(at, 'values'));
        for (const key of ['addTags', 'removeTags'] as const) {
          for (const field of Object.keys(action[key] ?? {})) {
            const def = requireField(ctx, object, field, childPointer(at, key, field));
            if (def && def.type !== 'tags') ctx.errors.add(childPointer(at, key, field), `"${field}" is not a tags field`, 'type_mismatch');
          }
        }
        return;
      case 'createRecord':
        if (requireObject(ctx, action.object, childPointer(at, 'object'))) checkValues(ctx, action.object, action.values, childPointer(at, 'values'));
        return;
      case 'startApproval': {
        if (isBroken(ctx, 'approvals', action.process)) return;
        const approval = findDefinition(ctx.set, 'approvals', action.process);
        if (!approval) ctx.errors.add(childPointer(at, 'process'), `unknown approval process "${action.process}"`, 'unknown_approval');
        else if (object !== undefined && approval.object !== object) {
          ctx.errors.add(childPointer(at, 'process'), `approval "${action.process}" is for ${approval.object}, not ${object}`, 'invalid_reference');
        }
        return;
      }
      default:
        return;
    }
  });
}

/** Value keys must be writable fields; `owner` is the one system column a rule may set. */
function checkValues(ctx: ReferenceContext, object: string, values: Record<string, unknown>, at: string): void {
  for (const field of Object.keys(values)) {
    if (field === 'owner' && isSystemField(field)) continue;
    const def = requireField(ctx, object, field, childPointer(at, field));
    if (def && !isWritable(def)) ctx.errors.add(childPointer(at, field), `${def.type} field "${field}" cannot be set`, 'invalid_reference');
  }
}
