import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from './loyalty-config.js';
import { addDays, pointsFor, tierFor } from './tier-for.js';

describe('tierFor', () => {
  it.each([[0, 'bronze'], [999, 'bronze'], [1000, 'silver'], [4999, 'silver'], [5000, 'gold'], [20000, 'platinum']])('%i lifetime points → %s', (points, tier) => {
    expect(tierFor(points, DEFAULT_TIERS)).toBe(tier);
  });

  it('follows configured thresholds in any order', () => {
    expect(tierFor(300, [{ code: 'gold', threshold: 300 }, { code: 'silver', threshold: 100 }])).toBe('gold');
  });
});

describe('pointsFor and addDays', () => {
  it('rounds points down at the rate', () => {
    expect(pointsFor(1234.56, 1)).toBe(1234);
    expect(pointsFor(99.99, 0.1)).toBe(9);
    expect(pointsFor(0.3, 10)).toBe(3);
  });

  it('adds days in UTC', () => {
    expect(addDays(new Date('2026-12-31T23:00:00Z'), 1)).toBe('2027-01-01');
  });
});
