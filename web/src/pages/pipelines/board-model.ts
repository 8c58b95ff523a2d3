import type { Board, BoardRecord, BoardStage } from '@/api/pipelines';

/** Where a card sits: its column and its place in it. */
export interface CardPlace {
  stage: string;
  index: number;
  record: BoardRecord;
}

export function findCard(board: Board, id: string): CardPlace | null {
  for (const stage of board.stages) {
    const index = stage.records.findIndex((record) => record.id === id);
    if (index >= 0) return { stage: stage.key, index, record: stage.records[index]! };
  }
  return null;
}

function amountOf(board: Board, record: BoardRecord): number {
  const value = board.amountField ? Number(record[board.amountField]) : 0;
  return Number.isFinite(value) ? value : 0;
}

const addSum = (sum: number | null, delta: number) => (sum === null ? null : Math.round((sum + delta) * 100) / 100);

/**
 * The board with a card moved to another column (at `index`, default the top), the columns'
 * count and sum following it. Returns the same board when the card or the column is unknown,
 * or the card is already there. Never changes its input (a rollback restores from it).
 */
export function moveCard(board: Board, id: string, toStage: string, index = 0): Board {
  const from = findCard(board, id);
  if (!from || from.stage === toStage || !board.stages.some((stage) => stage.key === toStage)) return board;
  const amount = amountOf(board, from.record);
  const moved: BoardRecord = { ...from.record, [board.field]: toStage };
  const stages = board.stages.map((stage): BoardStage => {
    if (stage.key === from.stage) {
      return { ...stage, count: Math.max(0, stage.count - 1), sum: addSum(stage.sum, -amount), records: stage.records.filter((record) => record.id !== id) };
    }
    if (stage.key === toStage) {
      const records = [...stage.records];
      records.splice(Math.min(Math.max(index, 0), records.length), 0, moved);
      return { ...stage, count: stage.count + 1, sum: addSum(stage.sum, amount), records };
    }
    return stage;
  });
  return { ...board, stages };
}

/**
 * Puts the server's copy of a card in place (new version, values from a stage's required fields),
 * adjusting the column's sum when its amount changed. A card that is not on the board is left out.
 */
export function replaceCard(board: Board, record: BoardRecord): Board {
  const place = findCard(board, record.id);
  if (!place) return board;
  const before = place.record;
  const merged: BoardRecord = { ...before, ...record, stageEnteredAt: record.stageEnteredAt ?? before.stageEnteredAt, overdue: record.overdue ?? before.overdue };
  const delta = amountOf(board, merged) - amountOf(board, before);
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.key === place.stage
        ? { ...stage, sum: addSum(stage.sum, delta), records: stage.records.map((candidate) => (candidate.id === record.id ? merged : candidate)) }
        : stage,
    ),
  };
}

/**
 * Undoes an optimistic move: the card goes back to the column and place it came from, as it
 * was. Other cards moved meanwhile stay where they are (no whole-board snapshot is restored).
 */
export function rollbackMove(board: Board, original: CardPlace): Board {
  const current = findCard(board, original.record.id);
  if (!current) return board;
  const back = current.stage === original.stage ? board : moveCard(board, original.record.id, original.stage, original.index);
  return replaceCard(back, original.record);
}
