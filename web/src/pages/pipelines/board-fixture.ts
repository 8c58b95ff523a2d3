import type { Board, BoardRecord } from '@/api/pipelines';

/** A small sales board for the specs: lead (two cards), proposal (one), negotiation (none). */
export function salesBoard(): Board {
  const card = (id: string, stage: string, amount: number | null, version = 1): BoardRecord => ({ id, name: `Deal ${id}`, stage, amount, version, owner: 'u1', overdue: false });
  return {
    pipeline: 'sales',
    object: 'opportunity',
    field: 'stage',
    amountField: 'amount',
    stages: [
      { key: 'lead', label: 'Lead', probability: 10, outcome: null, color: null, maxDays: null, count: 5, sum: 1500, records: [card('a', 'lead', 1000), card('b', 'lead', 500)] },
      { key: 'proposal', label: 'Proposal', probability: 40, outcome: null, color: null, maxDays: null, count: 1, sum: 2000, records: [card('c', 'proposal', 2000)] },
      { key: 'negotiation', label: 'Negotiation', probability: 70, outcome: null, color: null, maxDays: 14, count: 0, sum: 0, records: [] },
    ],
  };
}

/** Column key → ids of its cards, count and sum: what a spec compares. */
export function columnsOf(board: Board): Record<string, { ids: string[]; count: number; sum: number | null }> {
  return Object.fromEntries(board.stages.map((stage) => [stage.key, { ids: stage.records.map((record) => record.id), count: stage.count, sum: stage.sum }]));
}
