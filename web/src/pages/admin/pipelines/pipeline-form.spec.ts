import { describe, expect, it } from 'vitest';
import type { PipelineDef } from '@loom/metadata';
import sales from '@loom/metadata/crm/pipelines/sales.json';
import lead from '@loom/metadata/crm/pipelines/lead.json';
import { newStageKey, pipelineDocument, pipelineForm, renameStageKey, seedMatrix, stageForm, transitionList } from './pipeline-form';

const salesPipeline = sales as PipelineDef;

describe('pipeline form', () => {
  it.each([
    ['sales', salesPipeline],
    ['lead', lead as PipelineDef],
  ])('round-trips the base CRM %s pipeline exactly', (_name, document) => {
    expect(pipelineDocument(pipelineForm(document))).toEqual(document);
  });

  it('keeps properties it does not edit (record types) and plain-string labels', () => {
    const document: PipelineDef = {
      kind: 'pipeline', name: 'renewals', label: 'Renewals', object: 'opportunity', field: 'stage',
      recordTypeField: 'type', recordType: ['renewal'],
      stages: [{ key: 'open', label: 'Open' }, { key: 'done', outcome: 'won' }],
    };
    expect(pipelineDocument(pipelineForm(document))).toEqual(document);
  });

  it('adds a stage with labels in both languages, probability, required fields, gate, max days and colour', () => {
    const form = pipelineForm(salesPipeline);
    const stage = stageForm({ key: 'demo' });
    Object.assign(stage, {
      label: { en: 'Demo', zh: '演示', plain: false }, probability: 30, requiredFields: ['amount'],
      gateApproval: 'big_discount', maxDays: 7, color: '#8e44ad',
    });
    form.stages.splice(2, 0, stage);
    const document = pipelineDocument(form);
    expect(document.stages.map((s) => s.key)).toEqual(['lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won', 'lost']);
    expect(document.stages[2]).toEqual({
      key: 'demo', label: { en: 'Demo', 'zh-CN': '演示' }, probability: 30, requiredFields: ['amount'],
      gate: { approval: 'big_discount' }, maxDays: 7, color: '#8e44ad',
    });
  });

  it('writes nothing for emptied optional props', () => {
    const form = pipelineForm(salesPipeline);
    const negotiation = form.stages[3]!;
    Object.assign(negotiation, { gateApproval: '', maxDays: null, color: '', probability: null, label: { en: '', zh: '', plain: false } });
    expect(pipelineDocument(form).stages[3]).toEqual({ key: 'negotiation' });
  });

  it('writes reordered stages in their new order', () => {
    const form = pipelineForm(salesPipeline);
    const [won] = form.stages.splice(4, 1);
    form.stages.unshift(won!);
    expect(pipelineDocument(form).stages[0]!.key).toBe('won');
  });

  it('writes the transitions mode, and an explicit matrix as a list in stage order', () => {
    const form = pipelineForm(salesPipeline);
    form.transitionMode = 'forward';
    expect(pipelineDocument(form).transitions).toBe('forward');
    form.transitionMode = 'explicit';
    form.matrix = { won: ['lead'], lead: ['lost', 'qualified'], qualified: [] };
    expect(pipelineDocument(form).transitions).toEqual([
      { from: 'lead', to: ['qualified', 'lost'] },
      { from: 'won', to: ['lead'] },
    ]);
  });

  it('leaves transitions out when the document never named them and the mode is any', () => {
    const document: PipelineDef = { kind: 'pipeline', name: 'p', object: 'lead', field: 'status', stages: [{ key: 'a' }] };
    expect(pipelineDocument(pipelineForm(document))).not.toHaveProperty('transitions');
  });

  it('round-trips explicit transitions', () => {
    const document: PipelineDef = {
      kind: 'pipeline', name: 'p', object: 'lead', field: 'status',
      stages: [{ key: 'a' }, { key: 'b' }, { key: 'c', outcome: 'lost' }],
      transitions: [{ from: 'a', to: ['b', 'c'] }, { from: 'b', to: ['c'] }],
    };
    const form = pipelineForm(document);
    expect(form.transitionMode).toBe('explicit');
    expect(pipelineDocument(form)).toEqual(document);
  });

  it('seeds the matrix from any and forward, renames keys in it, and finds a free stage key', () => {
    const form = pipelineForm({ kind: 'pipeline', name: 'p', object: 'lead', field: 'status',
      stages: [{ key: 'a' }, { key: 'b' }, { key: 'won', outcome: 'won' }, { key: 'lost', outcome: 'lost' }] });
    expect(seedMatrix(form, 'any').a).toEqual(['b', 'won', 'lost']);
    form.matrix = seedMatrix(form, 'forward');
    expect(form.matrix.b).toEqual(['won', 'lost']);
    expect(form.matrix.lost).toEqual(['won']);
    renameStageKey(form, 'b', 'beta');
    form.stages[1]!.key = 'beta';
    expect(form.matrix.a).toContain('beta');
    expect(transitionList(form)[1]).toEqual({ from: 'beta', to: ['won', 'lost'] });
    expect(newStageKey(form)).toBe('stage_5');
  });
});

describe('stageProblems', () => {
  it('names stage keys that are no identifier or are used twice, by form prop', async () => {
    const { stageProblems } = await import('./pipeline-form');
    const form = pipelineForm({ kind: 'pipeline', name: 'p', object: 'lead', field: 'status', stages: [{ key: 'a' }, { key: 'a' }, { key: 'Bad key' }] });
    expect(stageProblems(form)).toEqual({ 'stages.1.key': 'keyDuplicate', 'stages.2.key': 'keyInvalid' });
  });
});
