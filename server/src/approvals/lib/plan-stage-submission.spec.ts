import { loadBaseCrm } from '@loom/metadata/node';
import { describe, expect, it } from 'vitest';
import { planStageSubmission } from './plan-stage-submission.js';

const set = loadBaseCrm();
const deal = { stage: 'proposal', amount: 600000, close_date: '2026-12-31', discount: 30 };

describe('planStageSubmission (sales pipeline: negotiation gated by big_discount when discount > 20)', () => {
  it('names the stage field and the gate’s process', () => {
    expect(planStageSubmission(set, 'opportunity', deal, 'negotiation')).toEqual({ ok: true, field: 'stage', process: 'big_discount' });
    expect(planStageSubmission(set, 'opportunity', deal, 'negotiation', 'big_discount')).toMatchObject({ ok: true });
  });

  it('refuses a stage that needs no approval for this record', () => {
    expect(planStageSubmission(set, 'opportunity', { ...deal, discount: 5 }, 'negotiation')).toMatchObject({ ok: false, errors: [{ path: '/targetStage' }] });
  });

  it('refuses an unknown stage, the current stage, and another process than the gate’s', () => {
    expect(planStageSubmission(set, 'opportunity', deal, 'nowhere')).toMatchObject({ ok: false, errors: [{ path: '/targetStage' }] });
    expect(planStageSubmission(set, 'opportunity', { ...deal, stage: 'negotiation' }, 'negotiation')).toMatchObject({ ok: false, errors: [{ path: '/targetStage' }] });
    expect(planStageSubmission(set, 'opportunity', deal, 'negotiation', 'other')).toMatchObject({ ok: false, errors: [{ path: '/process' }] });
  });

  it('reports the missing required fields of the move as a PATCH would', () => {
    const v = planStageSubmission(set, 'opportunity', { stage: 'qualified', discount: 30 }, 'lost');
    expect(v).toMatchObject({ ok: false, errors: [{ path: '/loss_reason', message: 'is required to enter stage lost' }] });
  });
});
