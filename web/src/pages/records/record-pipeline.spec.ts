import { describe, expect, it } from 'vitest';
import type { PipelineDef } from '@loom/metadata';
import { pipelineOfRecord, stageStates } from './record-pipeline';

const stages = (...keys: string[]) => keys.map((key) => ({ key, ...(key === 'won' || key === 'lost' ? { outcome: key } : {}) })) as PipelineDef['stages'];
const sales: PipelineDef = { kind: 'pipeline', name: 'sales', object: 'deal', field: 'stage', stages: stages('lead', 'proposal', 'won', 'lost') };
const renewal: PipelineDef = { kind: 'pipeline', name: 'renewal', object: 'deal', field: 'stage', recordTypeField: 'type', recordType: ['renewal'], stages: stages('notice', 'signed') };
const lead: PipelineDef = { kind: 'pipeline', name: 'lead', object: 'lead', field: 'status', stages: stages('new') };
const all = { sales, renewal, lead };

describe('record pipeline', () => {
  it('picks the object’s only pipeline, and none for an object without one', () => {
    expect(pipelineOfRecord({ sales, lead }, 'deal', null)?.name).toBe('sales');
    expect(pipelineOfRecord(all, 'account', { id: '1' })).toBeUndefined();
  });

  it('picks by record type, then by the current stage, then the untyped one', () => {
    expect(pipelineOfRecord(all, 'deal', { id: '1', type: 'renewal', stage: 'lead' })?.name).toBe('renewal');
    expect(pipelineOfRecord(all, 'deal', { id: '1', type: 'new', stage: 'signed' })?.name).toBe('renewal');
    expect(pipelineOfRecord(all, 'deal', { id: '1', stage: null })?.name).toBe('sales');
  });

  it('marks stages before the current one done, except outcomes', () => {
    expect(stageStates(sales, 'proposal')).toEqual(['done', 'current', 'next', 'next']);
    expect(stageStates(sales, 'lost')).toEqual(['done', 'done', 'next', 'current']);
    expect(stageStates(sales, null)).toEqual(['next', 'next', 'next', 'next']);
  });
});
