import type { PipelineDef } from '@loom/metadata';
import type { RecordData } from '@/api/records';

/**
 * The pipeline a record moves along: among its object's pipelines, the one its record type
 * selects (`recordTypeField`/`recordType`), else the one whose stages hold its current stage,
 * else the first without a record type. Undefined when the object has no pipeline.
 */
export function pipelineOfRecord(pipelines: Readonly<Record<string, PipelineDef>> | undefined, object: string, record: RecordData | null): PipelineDef | undefined {
  const mine = Object.values(pipelines ?? {}).filter((pipeline) => pipeline.object === object);
  if (mine.length <= 1 || !record) return mine[0];
  const byType = mine.find((pipeline) => {
    if (!pipeline.recordTypeField || pipeline.recordType === undefined) return false;
    const types = Array.isArray(pipeline.recordType) ? pipeline.recordType : [pipeline.recordType];
    return types.includes(String(record[pipeline.recordTypeField]));
  });
  if (byType) return byType;
  return mine.find((pipeline) => pipeline.stages.some((stage) => stage.key === record[pipeline.field])) ?? mine.find((pipeline) => !pipeline.recordTypeField) ?? mine[0];
}

export type StageState = 'done' | 'current' | 'next';

/** Each stage's place relative to the current one; outcome stages other than the current are never "done". */
export function stageStates(pipeline: PipelineDef, current: unknown): StageState[] {
  const index = pipeline.stages.findIndex((stage) => stage.key === current);
  return pipeline.stages.map((stage, i) => {
    if (i === index) return 'current';
    return index >= 0 && i < index && !stage.outcome ? 'done' : 'next';
  });
}
