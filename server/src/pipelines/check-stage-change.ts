import { evaluateCondition, parseCondition, pipelinesOf, type MetadataSet, type PipelineDef, type StageDef } from '@loom/metadata';
import type { ProblemItem } from '../common/problem.js';

export interface StageChange {
  set: MetadataSet;
  object: string;
  field: string;
  /** The record as it will be after the write (stored values merged with the change). */
  record: Record<string, unknown>;
  from: string | null;
  to: string | null;
}

export type StageVerdict =
  | { ok: true; pipeline: PipelineDef; stage: StageDef | null }
  | { ok: false; status: 422; errors: ProblemItem[] }
  | { ok: false; status: 409; approval: string; pipeline: PipelineDef; stage: StageDef };

/** The pipeline of a record: by its record-type field when the object has several, else the only one. */
export function pipelineFor(set: MetadataSet, object: string, field: string, record: Record<string, unknown>): PipelineDef | null {
  const all = pipelinesOf(set, object, field);
  if (all.length <= 1) return all[0] ?? null;
  const typed = all.find((p) => {
    if (!p.recordTypeField) return false;
    const types = Array.isArray(p.recordType) ? p.recordType : [p.recordType];
    return types.includes(record[p.recordTypeField] as string);
  });
  return typed ?? all.find((p) => !p.recordTypeField) ?? all[0];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks a stage change against its pipeline (DESIGN.md §2 "Pipelines"): the transition (422 naming the
 * allowed targets), the target's required fields (422, one error per missing field), then its gate
 * (409 naming the approval; the caller decides whether that approval is already granted).
 */
export function checkStageChange(c: StageChange): StageVerdict {
  const pipeline = pipelineFor(c.set, c.object, c.field, c.record);
  if (!pipeline || c.to === null) return pipeline ? { ok: true, pipeline, stage: null } : { ok: false, status: 422, errors: [{ path: `/${c.field}`, message: 'has no pipeline' }] };
  const keys = pipeline.stages.map((s) => s.key);
  const target = pipeline.stages.find((s) => s.key === c.to);
  if (!target) return { ok: false, status: 422, errors: [{ path: `/${c.field}`, message: `must be one of the stages of pipeline ${pipeline.name}: ${keys.join(', ')}` }] };
  if (c.from !== null && c.from !== c.to) {
    const allowed = allowedTargets(pipeline, c.from);
    if (!allowed.includes(c.to)) {
      return { ok: false, status: 422, errors: [{ path: `/${c.field}`, message: `cannot move from ${c.from} to ${c.to}; allowed: ${allowed.join(', ') || 'none'}` }] };
    }
  }
  const missing = (target.requiredFields ?? []).filter((f) => isEmpty(c.record[f]));
  if (missing.length) return { ok: false, status: 422, errors: missing.map((f) => ({ path: `/${f}`, message: `is required to enter stage ${target.key}` })) };
  if (target.gate && gateApplies(c, target)) return { ok: false, status: 409, approval: target.gate.approval, pipeline, stage: target };
  return { ok: true, pipeline, stage: target };
}

/** Stages reachable from `from`: any; forward (later stages and every outcome stage); or the explicit list. */
export function allowedTargets(pipeline: PipelineDef, from: string): string[] {
  const keys = pipeline.stages.map((s) => s.key);
  const t = pipeline.transitions ?? 'any';
  if (t === 'any') return keys.filter((k) => k !== from);
  if (t === 'forward') {
    const i = keys.indexOf(from);
    return pipeline.stages.filter((s, j) => s.key !== from && (j > i || s.outcome !== undefined)).map((s) => s.key);
  }
  return t.find((x) => x.from === from)?.to ?? [];
}

function gateApplies(c: StageChange, stage: StageDef): boolean {
  if (!stage.gate?.when) return true;
  const { ast } = parseCondition(stage.gate.when, { object: c.object, set: c.set });
  return ast ? evaluateCondition(ast, c.record) : true;
}
