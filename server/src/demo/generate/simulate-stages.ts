import type { SeededRandom } from '../seeded-random.js';
import { DAY_MS } from './demo-types.js';

/** Mean days spent in a stage, and the chance of moving on rather than being lost. */
const FLOW: Readonly<Record<string, { meanDays: number; advance: number; next: string }>> = {
  lead: { meanDays: 10, advance: 0.8, next: 'qualified' },
  qualified: { meanDays: 14, advance: 0.72, next: 'proposal' },
  proposal: { meanDays: 18, advance: 0.68, next: 'negotiation' },
  negotiation: { meanDays: 15, advance: 0.62, next: 'won' },
};

export interface StagePath {
  /** Each stage entered, in order, with the instant it was entered. */
  moves: { stage: string; at: Date }[];
  final: string;
}

/**
 * Walks a deal through the sales pipeline from `opened` until it is won, lost or reaches `now`:
 * each stage lasts an exponential time around its mean; leaving it, the deal moves on with the
 * stage's chance and is lost otherwise. Some deals skip `qualified`.
 */
export function simulateStages(rng: SeededRandom, opened: Date, now: Date): StagePath {
  const moves = [{ stage: 'lead', at: opened }];
  let stage = 'lead';
  let at = opened.getTime();
  while (FLOW[stage]) {
    const flow = FLOW[stage]!;
    const leaves = at + Math.max(0.2, rng.exponential(flow.meanDays)) * DAY_MS;
    if (leaves > now.getTime()) break;
    at = leaves;
    stage = rng.chance(flow.advance) ? (stage === 'lead' && rng.chance(0.12) ? 'proposal' : flow.next) : 'lost';
    moves.push({ stage, at: new Date(at) });
  }
  return { moves, final: stage };
}
