import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../seeded-random.js';
import { simulateStages } from './simulate-stages.js';

const ORDER = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

describe('simulateStages', () => {
  it('moves forward in time and pipeline order, ending at an outcome or before now', () => {
    const rng = new SeededRandom(3);
    const now = new Date('2026-11-30T00:00:00Z');
    for (let i = 0; i < 500; i++) {
      const opened = new Date(now.getTime() - rng.int(1, 365) * 86_400_000);
      const { moves, final } = simulateStages(rng, opened, now);
      expect(moves[0]).toEqual({ stage: 'lead', at: opened });
      expect(moves.at(-1)!.stage).toBe(final);
      for (let j = 1; j < moves.length; j++) {
        expect(moves[j]!.at.getTime()).toBeGreaterThan(moves[j - 1]!.at.getTime());
        expect(ORDER.indexOf(moves[j]!.stage)).toBeGreaterThan(ORDER.indexOf(moves[j - 1]!.stage));
      }
      expect(moves.at(-1)!.at.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('wins some deals and loses more, like a real funnel', () => {
    const rng = new SeededRandom(9);
    const now = new Date('2026-11-30T00:00:00Z');
    const finals = Array.from({ length: 2000 }, () => simulateStages(rng, new Date(now.getTime() - 300 * 86_400_000), now).final);
    const won = finals.filter((f) => f === 'won').length / finals.length;
    expect(won).toBeGreaterThan(0.12);
    expect(won).toBeLessThan(0.3);
  });
});
