import { pointer } from '../json/json-pointer.js';
import type { PipelineDef } from '../types/pipeline-def.js';
import type { ErrorList } from './metadata-error.js';

/** Checks a pipeline on its own: unique stage keys, transitions between known stages. */
export function checkPipelineDocument(doc: PipelineDef, errors: ErrorList): void {
  const keys = new Set<string>();
  doc.stages.forEach((s, i) => {
    if (keys.has(s.key)) errors.add(pointer('stages', i, 'key'), `duplicate stage "${s.key}"`, 'duplicate_name');
    keys.add(s.key);
  });
  if (Array.isArray(doc.transitions)) {
    const froms = new Set<string>();
    doc.transitions.forEach((t, i) => {
      if (!keys.has(t.from)) errors.add(pointer('transitions', i, 'from'), `unknown stage "${t.from}"`, 'unknown_stage');
      if (froms.has(t.from)) errors.add(pointer('transitions', i, 'from'), `"${t.from}" is listed twice`, 'duplicate_name');
      froms.add(t.from);
      t.to.forEach((to, j) => {
        if (!keys.has(to)) errors.add(pointer('transitions', i, 'to', j), `unknown stage "${to}"`, 'unknown_stage');
      });
    });
  }
  if ((doc.recordType === undefined) !== (doc.recordTypeField === undefined)) {
    const missing = doc.recordType === undefined ? 'recordType' : 'recordTypeField';
    errors.add(pointer(missing), 'recordType and recordTypeField go together', 'required');
  }
}
