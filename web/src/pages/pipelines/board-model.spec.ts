import { describe, expect, it } from 'vitest';
import { findCard, moveCard, replaceCard, rollbackMove } from './board-model';
import { columnsOf, salesBoard } from './board-fixture';

describe('moveCard', () => {
  it('puts the card on top of the target column, counts and sums following it', () => {
    const moved = moveCard(salesBoard(), 'b', 'proposal');
    expect(columnsOf(moved)).toEqual({
      lead: { ids: ['a'], count: 4, sum: 1000 },
      proposal: { ids: ['b', 'c'], count: 2, sum: 2500 },
      negotiation: { ids: [], count: 0, sum: 0 },
    });
    expect(findCard(moved, 'b')?.record.stage).toBe('proposal');
  });

  it('never changes the board it was given (a rollback restores from it)', () => {
    const board = salesBoard();
    const before = JSON.stringify(board);
    moveCard(board, 'a', 'negotiation');
    expect(JSON.stringify(board)).toBe(before);
  });

  it('returns the same board for an unknown card, an unknown column or the card’s own column', () => {
    const board = salesBoard();
    expect(moveCard(board, 'zz', 'proposal')).toBe(board);
    expect(moveCard(board, 'a', 'nowhere')).toBe(board);
    expect(moveCard(board, 'a', 'lead')).toBe(board);
  });

  it('keeps a null sum null (no amount field, or a hidden one) and counts a card without an amount as 0', () => {
    const board = salesBoard();
    board.stages[0]!.sum = null;
    board.stages[0]!.records[0]!.amount = null;
    const moved = moveCard(board, 'a', 'proposal');
    expect(columnsOf(moved).lead!.sum).toBeNull();
    expect(columnsOf(moved).proposal!.sum).toBe(2000);
  });
});

describe('replaceCard', () => {
  it('takes the server’s copy and adjusts its column’s sum by the amount that changed', () => {
    const board = moveCard(salesBoard(), 'a', 'proposal');
    const updated = replaceCard(board, { id: 'a', stage: 'proposal', amount: 4000, version: 2 });
    expect(findCard(updated, 'a')?.record).toMatchObject({ amount: 4000, version: 2, name: 'Deal a' });
    expect(columnsOf(updated).proposal!.sum).toBe(6000);
  });
});

describe('rollbackMove', () => {
  it('puts the card back in its column and place, as it was', () => {
    const board = salesBoard();
    const from = findCard(board, 'b')!;
    const back = rollbackMove(moveCard(board, 'b', 'negotiation'), from);
    expect(columnsOf(back)).toEqual(columnsOf(board));
    expect(findCard(back, 'b')).toEqual(from);
  });

  it('leaves cards moved meanwhile where they are', () => {
    const board = salesBoard();
    const fromA = findCard(board, 'a')!;
    const both = moveCard(moveCard(board, 'a', 'proposal'), 'c', 'negotiation');
    const back = rollbackMove(both, fromA);
    expect(columnsOf(back)).toMatchObject({ lead: { ids: ['a', 'b'] }, proposal: { ids: [] }, negotiation: { ids: ['c'] } });
  });
});
