import { describe, expect, it } from 'vitest';
import type { OwnerPerformance } from '@/api/analytics';
import { buildPerformanceOption, performanceHasData, rankOwners } from './build-performance-option';

const owner = (name: string, wonAmount: number, wonCount = 1): OwnerPerformance => ({
  owner: `id-${name}`,
  name,
  wonAmount,
  wonCount,
  lostCount: 0,
  winRate: 1,
  activities: 0,
});
const context = {
  money: (value: number) => `$${value}`,
  compact: (value: number) => `${value / 1000}K`,
  names: { wonAmount: 'Won amount' },
  owner: (row: OwnerPerformance) => row.name.toUpperCase(),
};

describe('team performance', () => {
  it('ranks owners by won amount, then won count, then name', () => {
    const ranked = rankOwners({ owners: [owner('b', 100), owner('a', 100), owner('c', 900), owner('d', 100, 3)] });
    expect(ranked.map((row) => row.name)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('draws the top ten as horizontal bars, the best at the top', () => {
    const owners = Array.from({ length: 12 }, (_, index) => owner(`o${String(index).padStart(2, '0')}`, index * 1000));
    const option = buildPerformanceOption({ owners }, context);
    const axis = option.yAxis as { type: string; data: string[] };
    expect(axis.type).toBe('category');
    expect(axis.data).toHaveLength(10);
    expect(axis.data.at(-1)).toBe('O11');
    expect(axis.data[0]).toBe('O02');
    const series = option.series as Array<{ type: string; data: number[] }>;
    expect(series[0]!.type).toBe('bar');
    expect(series[0]!.data.at(-1)).toBe(11000);
  });

  it('has data when someone won, lost or logged an activity', () => {
    expect(performanceHasData({ owners: [] })).toBe(false);
    expect(performanceHasData({ owners: [{ ...owner('a', 0, 0) }] })).toBe(false);
    expect(performanceHasData({ owners: [{ ...owner('a', 0, 0), activities: 2 }] })).toBe(true);
  });
});
