import { describe, expect, it, vi } from 'vitest';
import type { PipelineDef } from '@loom/metadata';
import { ApiProblem } from '@/api/api-problem';
import { useStageMove } from './use-stage-move';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type: 'https://loom.dev/problems/x', title: 'Refused', status, detail: 'Refused', ...extra });
const pipeline: PipelineDef = { kind: 'pipeline', name: 'sales', object: 'deal', field: 'stage', stages: [{ key: 'lead' }, { key: 'proposal', requiredFields: ['amount'] }, { key: 'negotiation', gate: { approval: 'big_discount' } }] };

function setup(write: ReturnType<typeof vi.fn>, submit = vi.fn()) {
  const events = { moved: vi.fn(), submitted: vi.fn() };
  const mover = useStageMove({
    object: () => 'deal', recordId: () => 'd1', version: () => 3, pipeline: () => pipeline,
    canFill: (field) => field === 'amount',
    onMoved: events.moved, onSubmitted: events.submitted,
    api: { write, submit } as never,
  });
  return { mover, events, write, submit };
}

describe('useStageMove', () => {
  it('PATCHes the stage field with the record version and reports the new record', async () => {
    const { mover, events, write } = setup(vi.fn().mockResolvedValue({ record: { id: 'd1', stage: 'lead' }, version: 4 }));
    await mover.move('lead');
    expect(write).toHaveBeenCalledWith('deal', 'd1', { stage: 'lead' }, 3);
    expect(events.moved).toHaveBeenCalledWith({ record: { id: 'd1', stage: 'lead' }, version: 4 }, 'lead');
    expect(mover.pending.value).toBeNull();
  });

  it('asks for the required fields of the target stage and retries with them', async () => {
    const write = vi.fn()
      .mockRejectedValueOnce(problem(422, { errors: [{ path: '/amount', message: 'is required' }] }))
      .mockResolvedValueOnce({ record: { id: 'd1', stage: 'proposal' }, version: 4 });
    const { mover, events } = setup(write);
    await mover.move('proposal');
    expect(mover.pending.value).toMatchObject({ kind: 'fields', to: 'proposal', fields: ['amount'] });
    await mover.fillFields({ amount: 500 });
    expect(write).toHaveBeenLastCalledWith('deal', 'd1', { amount: 500, stage: 'proposal' }, 3);
    expect(events.moved).toHaveBeenCalledOnce();
    expect(mover.pending.value).toBeNull();
  });

  it('says in words why a transition is refused (422 on the stage itself)', async () => {
    const { mover } = setup(vi.fn().mockRejectedValue(problem(422, { detail: 'Not allowed', errors: [{ path: '/stage', message: 'may move only to lost' }] })));
    await mover.move('lead');
    expect(mover.pending.value).toBeNull();
    expect(mover.refusal.value).toEqual({ stage: 'lead', message: 'Not allowed: may move only to lost' });
  });

  it('offers the gate’s approval on 409 and submits it with the target stage and comment', async () => {
    const submit = vi.fn().mockResolvedValue({ id: 'a1' });
    const { mover, events } = setup(vi.fn().mockRejectedValue(problem(409, { approval: 'big_discount' })), submit);
    await mover.move('negotiation');
    expect(mover.pending.value).toMatchObject({ kind: 'gate', to: 'negotiation', process: 'big_discount' });
    await mover.submitForApproval(' please ');
    expect(submit).toHaveBeenCalledWith({ object: 'deal', recordId: 'd1', process: 'big_discount', targetStage: 'negotiation', comment: 'please' });
    expect(events.submitted).toHaveBeenCalledOnce();
    expect(mover.pending.value).toBeNull();
  });

  it('keeps the gate dialog open with the reason when the entry condition is not met (422)', async () => {
    const submit = vi.fn().mockRejectedValue(problem(422, { detail: 'Entry condition not met' }));
    const { mover, events } = setup(vi.fn().mockRejectedValue(problem(409, { approval: 'big_discount' })), submit);
    await mover.move('negotiation');
    await mover.submitForApproval('');
    expect(mover.submitError.value).toBe('Entry condition not met');
    expect(mover.pending.value?.kind).toBe('gate');
    expect(events.submitted).not.toHaveBeenCalled();
  });
});
