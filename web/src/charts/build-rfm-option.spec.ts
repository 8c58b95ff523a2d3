import { describe, expect, it } from 'vitest';
import type { RfmAnswer } from '@/api/analytics';
import { buildRfmOption, rfmHasData, rfmSegments } from './build-rfm-option';

const answer: RfmAnswer = {
  customers: [],
  segments: { lost: 1, champion: 3, loyal: 0, vip: 2, at_risk: 4 },
};
const context = { segment: (key: string) => key.toUpperCase(), count: (value: number) => `${value}` };

describe('RFM segments', () => {
  it('keeps segments with customers, best first, unknown ones after', () => {
    expect(rfmSegments(answer)).toEqual([
      { key: 'champion', count: 3 },
      { key: 'at_risk', count: 4 },
      { key: 'lost', count: 1 },
      { key: 'vip', count: 2 },
    ]);
  });

  it('draws a donut of the segments in their colours, the legend carrying the counts', () => {
    const option = buildRfmOption(answer, context);
    const series = option.series as Array<{ type: string; data: Array<{ name: string; value: number; itemStyle?: { color: string } }> }>;
    expect(series[0]!.type).toBe('pie');
    expect(series[0]!.data.map((item) => [item.name, item.value, item.itemStyle?.color])).toEqual([
      ['CHAMPION', 3, '#4f46e5'],
      ['AT_RISK', 4, '#e6a23c'],
      ['LOST', 1, '#f56c6c'],
      ['VIP', 2, undefined],
    ]);
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('AT_RISK')).toBe('AT_RISK 4');
  });

  it('drops the labels around the donut on a narrow card', () => {
    const series = buildRfmOption(answer, { ...context, compact: true }).series as Array<{ label: { show?: boolean } }>;
    expect(series[0]!.label).toEqual({ show: false });
  });

  it('has data when a segment has customers', () => {
    expect(rfmHasData(answer)).toBe(true);
    expect(rfmHasData({ customers: [], segments: { champion: 0 } })).toBe(false);
  });
});
