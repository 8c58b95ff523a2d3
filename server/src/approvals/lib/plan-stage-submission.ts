import type { MetadataSet } from '@loom/metadata';
import type { ProblemItem } from '../../common/problem.js';
import { checkStageChange, pipelineFor } from '../../pipelines/check-stage-change.js';

export type StageSubmission =
  | { ok: true; field: string; process: string }
  | { ok: false; errors: ProblemItem[]; detail: string };

/**
 * A submission that should move the record into a gated stage once approved (`targetStage`, sent by a
 * client after a PATCH answered 409 naming the approval): finds the stage field whose pipeline has that
 * stage, checks the move as the PATCH would (transition, required fields), and names the gate's process.
 */
export function planStageSubmission(set: MetadataSet, object: string, record: Record<string, unknown>, targetStage: string, process?: string): StageSubmission {
  const fields = Object.entries(set.objects[object]?.fields ?? {}).filter(([, d]) => d.type === 'stage' && !d.archived).map(([f]) => f);
  const field = fields.find((f) => pipelineFor(set, object, f, record)?.stages.some((s) => s.key === targetStage));
  if (!field) return refuse('/targetStage', `is not a stage of this record's pipeline`, `No pipeline of ${object} has the stage ${targetStage}`);
  const from = (record[field] as string | null | undefined) ?? null;
  if (from === targetStage) return refuse('/targetStage', 'is the stage the record is in', `The record is already in stage ${targetStage}`);
  const verdict = checkStageChange({ set, object, field, record: { ...record, [field]: targetStage }, from, to: targetStage });
  if (!verdict.ok && verdict.status === 422) return { ok: false, errors: verdict.errors, detail: `The record cannot move to stage ${targetStage}` };
  if (verdict.ok) return refuse('/targetStage', 'needs no approval for this record', `Stage ${targetStage} needs no approval for this record; move it directly`);
  if (process !== undefined && process !== verdict.approval) {
    return refuse('/process', `stage ${targetStage} is gated by ${verdict.approval}`, `Stage ${targetStage} needs the approval ${verdict.approval}, not ${process}`);
  }
  return { ok: true, field, process: verdict.approval };
}

const refuse = (path: string, message: string, detail: string): StageSubmission => ({ ok: false, errors: [{ path, message }], detail });
