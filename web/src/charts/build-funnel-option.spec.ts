import { describe, expect, it } from 'vitest';
import type { FunnelAnswer } from '@/api/analytics';
import { buildFunnelOption, escapeHtml, funnelHasData } from './build-funnel-option';

const answer: FunnelAnswer = {
  pipeline: 'sales',
  stages: [
    { key: 'lead', label: 'Lead', entered: 20, converted: 12, conversionRate: 0.6, medianDaysInStage: 3.5 },
    { key: 'proposal', label: 'Proposal', entered: 12, converted: 6, conversionRate: 0.5, medianDaysInStage: null },
    { key: 'won', label: 'Won', entered: 6, converted: 0, conversionRate: 0, medianDaysInStage: null },
    { key: 'lost', label: 'Lost', entered: 5, converted: 0, conversionRate: 0, medianDaysInStage: null },
  ],
};
const context = {
  stageLabel: (key: string, fallback: string) => (key === 'lead' ? 'Lead (en)' : fallback),
  exclude: new Set(['lost']),
  colorOf: (key: string) => (key === 'won' ? '#67c23a' : undefined),
  rate: (fraction: number) => `${Math.round(fraction * 100)}%`,
  count: (value: number) => String(value),
  text: { entered: 'Entered', converted: 'Moved on', conversion: 'Conversion', medianDays: 'Median', days: (n: number) => `${n} d` },
};

describe('buildFunnelOption', () => {
  it('draws one band per stage in pipeline order, leaving lost outcomes out', () => {
    const series = buildFunnelOption(answer, context).series as Array<Record<string, unknown>>;
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ type: 'funnel', sort: 'none', min: 0, max: 20 });
    const data = series[0]!.data as Array<{ name: string; value: number; itemStyle?: unknown }>;
    expect(data.map((item) => [item.name, item.value])).toEqual([
      ['Lead (en)', 20],
      ['Proposal', 12],
      ['Won', 6],
    ]);
    expect(data[2]!.itemStyle).toEqual({ color: '#67c23a' });
  });

  it('labels each band with its count and the rate converted to the next stage (none on the last)', () => {
    const data = (buildFunnelOption(answer, context).series as Array<{ data: Array<{ label: { formatter: string } }> }>)[0]!.data;
    expect(data.map((item) => item.label.formatter)).toEqual(['Lead (en)  20 · 60% →', 'Proposal  12 · 50% →', 'Won  6']);
  });

  it('explains a band in its tooltip, escaping the server’s text', () => {
    const hostile = { ...answer, stages: [{ ...answer.stages[0]!, key: 'x', label: '<img onerror=1>' }] };
    const data = (buildFunnelOption(hostile, context).series as Array<{ data: Array<{ tooltip: { formatter: string } }> }>)[0]!.data;
    expect(data[0]!.tooltip.formatter).toBe('<b>&lt;img onerror=1&gt;</b><br/>Entered: 20<br/>Moved on: 12<br/>Conversion: 60%<br/>Median: 3.5 d');
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });

  it('has data when some stage was entered', () => {
    expect(funnelHasData(answer)).toBe(true);
    expect(funnelHasData({ pipeline: 'sales', stages: [{ ...answer.stages[0]!, entered: 0 }] })).toBe(false);
    expect(funnelHasData(null)).toBe(false);
  });
});
