import { childPointer, pointer } from '../../json/json-pointer.js';
import { fieldValueKind } from '../../set/field-value-kind.js';
import { findDefinition, findObject, pipelinesOf } from '../../set/find-definitions.js';
import type { PipelineDef } from '../../types/pipeline-def.js';
import { checkCondition, isBroken, requireField, requireObject, type ReferenceContext } from './reference-context.js';

/** Checks a pipeline's object, stage field, required fields, gates and record types. */
export function checkPipelineReferences(ctx: ReferenceContext, p: PipelineDef): void {
  const base = pointer('pipelines', p.name);
  if (!requireObject(ctx, p.object, childPointer(base, 'object'))) return;
  const stageField = requireField(ctx, p.object, p.field, childPointer(base, 'field'));
  if (stageField && stageField.type !== 'stage') {
    ctx.errors.add(childPointer(base, 'field'), `"${p.field}" is a ${stageField.type} field, not a stage field`, 'type_mismatch');
  }
  p.stages.forEach((stage, i) => {
    const at = childPointer(base, 'stages', i);
    stage.requiredFields?.forEach((f, j) => requireField(ctx, p.object, f, childPointer(at, 'requiredFields', j)));
    if (!stage.gate || isBroken(ctx, 'approvals', stage.gate.approval)) return;
    const approval = findDefinition(ctx.set, 'approvals', stage.gate.approval);
    if (!approval) ctx.errors.add(childPointer(at, 'gate', 'approval'), `unknown approval process "${stage.gate.approval}"`, 'unknown_approval');
    else if (approval.object !== p.object) {
      ctx.errors.add(childPointer(at, 'gate', 'approval'), `approval "${stage.gate.approval}" is for ${approval.object}, not ${p.object}`, 'invalid_reference');
    }
    checkCondition(ctx, stage.gate.when, childPointer(at, 'gate', 'when'), p.object);
  });
  checkKind(ctx, p, 'amountField', ['number'], 'a number field');
  checkKind(ctx, p, 'closeDateField', ['date', 'datetime'], 'a date field');
  checkRecordType(ctx, p, base);
}

function checkKind(ctx: ReferenceContext, p: PipelineDef, key: 'amountField' | 'closeDateField', kinds: string[], what: string): void {
  const name = p[key];
  if (name === undefined) return;
  const at = pointer('pipelines', p.name, key);
  const def = requireField(ctx, p.object, name, at);
  if (def && !kinds.includes(fieldValueKind(def, ctx.set))) ctx.errors.add(at, `"${name}" is not ${what}`, 'type_mismatch');
}

function checkRecordType(ctx: ReferenceContext, p: PipelineDef, base: string): void {
  if (p.recordTypeField !== undefined) {
    const def = requireField(ctx, p.object, p.recordTypeField, childPointer(base, 'recordTypeField'));
    if (def && def.type !== 'select') {
      ctx.errors.add(childPointer(base, 'recordTypeField'), `"${p.recordTypeField}" must be a select field`, 'type_mismatch');
    } else if (def?.type === 'select' && p.recordType !== undefined) {
      const keys = def.options.map((o) => o.key);
      const types = Array.isArray(p.recordType) ? p.recordType : [p.recordType];
      types.forEach((t, i) => {
        const at = Array.isArray(p.recordType) ? childPointer(base, 'recordType', i) : childPointer(base, 'recordType');
        if (!keys.includes(t)) ctx.errors.add(at, `"${t}" is not an option of ${p.recordTypeField}`, 'unknown_option');
      });
    }
  }
  // Several pipelines on one stage field are told apart by record type.
  const siblings = findObject(ctx.set, p.object) ? pipelinesOf(ctx.set, p.object, p.field) : [];
  if (siblings.length < 2) return;
  const mine = new Set(Array.isArray(p.recordType) ? p.recordType : p.recordType === undefined ? [] : [p.recordType]);
  if (mine.size === 0) {
    ctx.errors.add(childPointer(base, 'recordType'), `${siblings.length} pipelines share ${p.object}.${p.field}: each needs a recordType`, 'required');
    return;
  }
  for (const other of siblings) {
    if (other.name === p.name) continue;
    const theirs = Array.isArray(other.recordType) ? other.recordType : [other.recordType];
    const shared = theirs.find((t) => t !== undefined && mine.has(t));
    if (shared) ctx.errors.add(childPointer(base, 'recordType'), `record type "${shared}" is also used by pipeline "${other.name}"`, 'duplicate_name');
  }
}
