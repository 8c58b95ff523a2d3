import { describe, expect, it } from 'vitest';
import type { BehaviourAnswer } from '@/api/analytics';
import { behaviourHasData, behaviourSegments, behaviourWindow, buildBehaviourOption } from './build-behaviour-option';

const answer: BehaviourAnswer = {
  customers: [{ id: 'c1', title: 'K1', activities: 9, byType: { call: 5, meeting: 4 }, segment: 'highly_engaged' }],
  segments: { dormant: 2, vip: 1, occasional: 0, highly_engaged: 1, engaged: 3 },
};
const context = { segment: (key: string) => key.toUpperCase(), count: (value: number) => `#${value}`, name: 'Customers' };

describe('behaviour segments', () => {
  it('orders the segments most engaged first, zero counts kept, unknown ones after', () => {
    expect(behaviourSegments(answer)).toEqual([
      { key: 'highly_engaged', count: 1 },
      { key: 'engaged', count: 3 },
      { key: 'occasional', count: 0 },
      { key: 'dormant', count: 2 },
      { key: 'vip', count: 1 },
    ]);
  });

  it('draws one bar per segment in its colour, labelled with the count', () => {
    const option = buildBehaviourOption(answer, context);
    expect((option.xAxis as { data: string[] }).data).toEqual(['HIGHLY_ENGAGED', 'ENGAGED', 'OCCASIONAL', 'DORMANT', 'VIP']);
    const series = option.series as Array<{ type: string; name: string; data: Array<{ value: number; itemStyle?: { color: string } }>; label: { formatter: (p: { value: unknown }) => string } }>;
    expect(series[0]!.type).toBe('bar');
    expect(series[0]!.name).toBe('Customers');
    expect(series[0]!.data.map((item) => [item.value, item.itemStyle?.color])).toEqual([
      [1, '#4f46e5'],
      [3, '#67c23a'],
      [0, '#e6a23c'],
      [2, '#a8abb2'],
      [1, undefined],
    ]);
    expect(series[0]!.label.formatter({ value: 3 })).toBe('#3');
  });

  it('has data when any customer is counted, dormant ones included', () => {
    expect(behaviourHasData({ customers: [], segments: { highly_engaged: 0, engaged: 0, occasional: 0, dormant: 4 } })).toBe(true);
    expect(behaviourHasData({ customers: [], segments: { highly_engaged: 0, engaged: 0, occasional: 0, dormant: 0 } })).toBe(false);
    expect(behaviourHasData(null)).toBe(false);
  });

  it('spans the last N days up to today in UTC, or all time', () => {
    expect(behaviourWindow(30, new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(behaviourWindow(1, new Date('2026-03-01T00:10:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(behaviourWindow(null)).toEqual({});
  });
});
