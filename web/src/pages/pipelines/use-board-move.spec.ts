import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { ApiProblem } from '@/api/api-problem';
import type { Board } from '@/api/pipelines';
import { columnsOf, salesBoard } from './board-fixture';
import { findCard } from './board-model';
import { useBoardMove } from './use-board-move';
import type { BoardMoveApi } from './use-board-move';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiProblem({ type: 'https://loom.dev/problems/x', title: 'Refused', status, detail: 'Refused', ...extra });
const required = problem(422, { errors: [{ path: '/amount', message: 'is required to enter stage negotiation' }] });
const gate = problem(409, { approval: 'big_discount', errors: [{ path: '/stage', message: 'needs approval big_discount' }] });

function setup(api: Partial<BoardMoveApi>) {
  const board = ref<Board | null>(salesBoard());
  const events = { refused: vi.fn(), submitted: vi.fn(), stale: vi.fn() };
  const mover = useBoardMove({
    board,
    canFill: (field) => field === 'amount' || field === 'close_date',
    onRefused: events.refused,
    onSubmitted: events.submitted,
    onStale: events.stale,
    api: { write: vi.fn(), submit: vi.fn(), ...api } as BoardMoveApi,
  });
  return { board, mover, events };
}

describe('useBoardMove', () => {
  it('moves the card at once, PATCHes the stage with the card’s version, and keeps the server’s copy', async () => {
    let resolve!: (value: Awaited<ReturnType<BoardMoveApi['write']>>) => void;
    const write = vi.fn(() => new Promise<Awaited<ReturnType<BoardMoveApi['write']>>>((done) => (resolve = done)));
    const { board, mover } = setup({ write });

    const result = mover.move('a', 'negotiation');
    expect(columnsOf(board.value!).negotiation!.ids).toEqual(['a']);
    expect(write).toHaveBeenCalledWith('opportunity', 'a', { stage: 'negotiation' }, 1);

    resolve({ record: { id: 'a', stage: 'negotiation', amount: 1000, version: 2 }, version: 2 });
    expect(await result).toBe('moved');
    expect(findCard(board.value!, 'a')?.record).toMatchObject({ stage: 'negotiation', version: 2, overdue: false });
    expect(mover.pending.value).toBeNull();
  });

  it('puts the card back when the move fails, and explains a 409/422 it cannot resolve', async () => {
    const write = vi.fn().mockRejectedValue(problem(422, { errors: [{ path: '/stage', message: 'may move to lost only' }] }));
    const { board, mover, events } = setup({ write });
    const before = columnsOf(board.value!);

    expect(await mover.move('a', 'proposal')).toBe('refused');
    expect(columnsOf(board.value!)).toEqual(before);
    expect(events.refused).toHaveBeenCalledWith('Refused: may move to lost only');
  });

  it('rolls back without a second message for what request.ts showed (423), and reloads after a stale version (412)', async () => {
    const { board, mover, events } = setup({ write: vi.fn().mockRejectedValueOnce(problem(423)).mockRejectedValueOnce(problem(412)) });
    expect(await mover.move('a', 'proposal')).toBe('refused');
    expect(await mover.move('a', 'proposal')).toBe('refused');
    expect(columnsOf(board.value!).lead!.ids).toEqual(['a', 'b']);
    expect(events.refused).not.toHaveBeenCalled();
    expect(events.stale).toHaveBeenCalledTimes(1);
  });

  it('asks for the target stage’s required fields and retries with them, the card waiting in the new column', async () => {
    const write = vi
      .fn()
      .mockRejectedValueOnce(required)
      .mockResolvedValueOnce({ record: { id: 'b', stage: 'negotiation', amount: 800, version: 2 }, version: 2 });
    const { board, mover } = setup({ write });

    expect(await mover.move('b', 'negotiation')).toBe('needs-fields');
    expect(mover.pending.value).toMatchObject({ kind: 'fields', to: 'negotiation', fields: ['amount'], messages: {} });
    expect(columnsOf(board.value!).negotiation!.ids).toEqual(['b']);

    expect(await mover.fillFields({ amount: 800 })).toBe('moved');
    expect(write).toHaveBeenLastCalledWith('opportunity', 'b', { amount: 800, stage: 'negotiation' }, 1);
    expect(columnsOf(board.value!)).toMatchObject({ lead: { ids: ['a'], sum: 1000 }, negotiation: { ids: ['b'], count: 1, sum: 800 } });
    expect(mover.pending.value).toBeNull();
  });

  it('shows the server’s messages when a retry is refused again, asking for any new field too', async () => {
    const again = problem(422, { errors: [{ path: '/amount', message: 'must be >= 0' }, { path: '/close_date', message: 'is required' }] });
    const { mover } = setup({ write: vi.fn().mockRejectedValueOnce(required).mockRejectedValueOnce(again) });
    await mover.move('b', 'negotiation');
    expect(await mover.fillFields({ amount: -1 })).toBe('needs-fields');
    expect(mover.pending.value).toMatchObject({ fields: ['amount', 'close_date'], messages: { amount: 'must be >= 0', close_date: 'is required' } });
  });

  it('puts the card back when the user cancels the dialog', async () => {
    const { board, mover } = setup({ write: vi.fn().mockRejectedValue(required) });
    const before = columnsOf(board.value!);
    await mover.move('a', 'negotiation');
    mover.cancel();
    expect(columnsOf(board.value!)).toEqual(before);
    expect(mover.pending.value).toBeNull();
  });

  it('offers a gate’s approval, submits the move to it with the comment, and leaves the card where it was', async () => {
    const submit = vi.fn().mockResolvedValue({ id: 'r1', status: 'pending' });
    const { board, mover, events } = setup({ write: vi.fn().mockRejectedValue(gate), submit });

    expect(await mover.move('c', 'negotiation')).toBe('needs-approval');
    expect(mover.pending.value).toMatchObject({ kind: 'gate', process: 'big_discount', to: 'negotiation' });

    expect(await mover.submitForApproval('  25 % off, strategic  ')).toBe('submitted');
    expect(submit).toHaveBeenCalledWith({ object: 'opportunity', recordId: 'c', process: 'big_discount', targetStage: 'negotiation', comment: '25 % off, strategic' });
    expect(columnsOf(board.value!).proposal!.ids).toEqual(['c']);
    expect(events.submitted).toHaveBeenCalledWith('big_discount');
    expect(events.stale).toHaveBeenCalled();
  });

  it('keeps the gate dialog open with the reason when the submission is refused (422)', async () => {
    const submit = vi.fn().mockRejectedValue(problem(422, { detail: 'The entry condition does not hold' }));
    const { mover } = setup({ write: vi.fn().mockRejectedValue(gate), submit });
    await mover.move('c', 'negotiation');
    expect(await mover.submitForApproval('')).toBe('refused');
    expect(mover.pending.value?.kind).toBe('gate');
    expect(mover.submitError.value).toBe('The entry condition does not hold');
  });

  it('ignores a drop on the card’s own column and a second move while one waits for the user', async () => {
    const write = vi.fn().mockRejectedValue(required);
    const { mover } = setup({ write });
    expect(await mover.move('a', 'lead')).toBe('ignored');
    await mover.move('a', 'negotiation');
    expect(await mover.move('b', 'proposal')).toBe('ignored');
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('puts the card back and says so when the record already waits for an approval (409 on submit)', async () => {
    const submit = vi.fn().mockRejectedValue(problem(409, { detail: 'The record already has a pending approval (big_discount)' }));
    const board = ref<Board | null>(salesBoard());
    const alreadyPending = vi.fn();
    const stale = vi.fn();
    const mover = useBoardMove({
      board,
      canFill: () => true,
      onRefused: vi.fn(),
      onSubmitted: vi.fn(),
      onAlreadyPending: alreadyPending,
      onStale: stale,
      api: { write: vi.fn().mockRejectedValue(gate), submit } as BoardMoveApi,
    });
    await mover.move('c', 'negotiation');
    expect(await mover.submitForApproval('')).toBe('refused');
    expect(mover.pending.value).toBeNull();
    expect(columnsOf(board.value!).proposal!.ids).toEqual(['c']);
    expect(alreadyPending).toHaveBeenCalledWith('The record already has a pending approval (big_discount)');
    expect(stale).toHaveBeenCalled();
  });
});
