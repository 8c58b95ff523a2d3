import { describe, expect, it } from 'vitest';
import { loadBaseCrm } from '@loom/metadata/node';
import type { PipelineDef } from '@loom/metadata';
import { allowedTargets, checkStageChange } from './check-stage-change.js';

const set = loadBaseCrm();
const base = { set, object: 'opportunity', field: 'stage' };

describe('checkStageChange on the base sales pipeline', () => {
  it('allows a move whose required fields are filled', () => {
    const v = checkStageChange({ ...base, record: { amount: 100, close_date: '2026-12-01' }, from: 'qualified', to: 'proposal' });
    expect(v).toMatchObject({ ok: true, stage: { key: 'proposal' } });
  });

  it('lists every missing required field of the target stage', () => {
    const v = checkStageChange({ ...base, record: { amount: null }, from: 'qualified', to: 'proposal' });
    expect(v).toEqual({ ok: false, status: 422, errors: [
      { path: '/amount', message: 'is required to enter stage proposal' },
      { path: '/close_date', message: 'is required to enter stage proposal' },
    ] });
  });

  it('refuses a stage that is not in the pipeline', () => {
    const v = checkStageChange({ ...base, record: {}, from: 'lead', to: 'nowhere' });
    expect(v).toMatchObject({ ok: false, status: 422, errors: [{ path: '/stage' }] });
  });

  it('gates negotiation behind big_discount only when the discount is over 20', () => {
    expect(checkStageChange({ ...base, record: { discount: 25 }, from: 'proposal', to: 'negotiation' })).toMatchObject({ ok: false, status: 409, approval: 'big_discount' });
    expect(checkStageChange({ ...base, record: { discount: 5 }, from: 'proposal', to: 'negotiation' })).toMatchObject({ ok: true });
  });
});

describe('allowedTargets', () => {
  const p: PipelineDef = {
    kind: 'pipeline', name: 'p', object: 'o', field: 's',
    stages: [{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'won', outcome: 'won' }, { key: 'lost', outcome: 'lost' }],
  };
  it('any: every other stage', () => expect(allowedTargets(p, 'b')).toEqual(['a', 'c', 'won', 'lost']));
  it('forward: later stages and outcomes', () => expect(allowedTargets({ ...p, transitions: 'forward' }, 'c')).toEqual(['won', 'lost']));
  it('forward from the start', () => expect(allowedTargets({ ...p, transitions: 'forward' }, 'a')).toEqual(['b', 'c', 'won', 'lost']));
  it('explicit list', () => expect(allowedTargets({ ...p, transitions: [{ from: 'a', to: ['c'] }] }, 'a')).toEqual(['c']));
  it('explicit list without the stage: nowhere', () => expect(allowedTargets({ ...p, transitions: [{ from: 'a', to: ['c'] }] }, 'b')).toEqual([]));
});

describe('pipelineFor: several pipelines on one object', () => {
  const two = structuredClone(set);
  two.pipelines.renewal = { kind: 'pipeline', name: 'renewal', object: 'opportunity', field: 'stage', recordTypeField: 'opportunity_type', recordType: ['renewal'],
    stages: [{ key: 'lead' }, { key: 'won', outcome: 'won' }], transitions: 'forward' };
  two.pipelines.sales = { ...two.pipelines.sales, recordTypeField: 'opportunity_type', recordType: ['new_business'] };

  it('chooses the pipeline by the record-type field', () => {
    expect(checkStageChange({ set: two, object: 'opportunity', field: 'stage', record: { opportunity_type: 'renewal' }, from: 'lead', to: 'won' })).toMatchObject({ ok: true, pipeline: { name: 'renewal' } });
    const sales = checkStageChange({ set: two, object: 'opportunity', field: 'stage', record: { opportunity_type: 'new_business' }, from: 'lead', to: 'proposal' });
    expect(sales).toMatchObject({ ok: false, status: 422 });
  });

  it('refuses a stage of the other pipeline', () => {
    const v = checkStageChange({ set: two, object: 'opportunity', field: 'stage', record: { opportunity_type: 'renewal' }, from: 'lead', to: 'negotiation' });
    expect(v).toMatchObject({ ok: false, status: 422, errors: [{ path: '/stage' }] });
  });
});
