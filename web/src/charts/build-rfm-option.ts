import type { RfmAnswer } from '@/api/analytics';
import type { ChartOption } from './chart-option';

/** Segments from best to worst (server/src/analytics/README.md "RFM segments"); unknown ones follow. */
export const RFM_SEGMENTS = ['champion', 'loyal', 'new', 'potential', 'at_risk', 'hibernating', 'lost'] as const;

const SEGMENT_COLORS: Record<string, string> = {
  champion: '#4f46e5',
  loyal: '#67c23a',
  new: '#14b8a6',
  potential: '#409eff',
  at_risk: '#e6a23c',
  hibernating: '#a8abb2',
  lost: '#f56c6c',
};

export interface RfmContext {
  segment: (key: string) => string;
  count: (value: number) => string;
  /** A narrow card (a phone): no labels around the donut, the legend carries the counts. */
  compact?: boolean;
}

export function rfmHasData(answer: RfmAnswer | null | undefined): boolean {
  return !!answer && Object.values(answer.segments ?? {}).some((count) => count > 0);
}

/** The segments that have customers, in a fixed order (best first). */
export function rfmSegments(answer: RfmAnswer): Array<{ key: string; count: number }> {
  const keys = Object.keys(answer.segments ?? {});
  const order = [...RFM_SEGMENTS.filter((key) => keys.includes(key)), ...keys.filter((key) => !(RFM_SEGMENTS as readonly string[]).includes(key)).sort()];
  return order.map((key) => ({ key, count: answer.segments[key] ?? 0 })).filter((segment) => segment.count > 0);
}

/** Customers per RFM segment as a donut. */
export function buildRfmOption(answer: RfmAnswer, context: RfmContext): ChartOption {
  const segments = rfmSegments(answer);
  const counts = new Map(segments.map((segment) => [context.segment(segment.key), segment.count]));
  return {
    tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
    legend: {
      type: 'plain',
      bottom: 0,
      icon: 'circle',
      itemWidth: 10,
      itemHeight: 10,
      formatter: (name: string) => `${name} ${context.count(counts.get(name) ?? 0)}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: context.compact ? { show: false } : { formatter: '{b}\n{c}', fontSize: 12 },
        data: segments.map((segment) => ({
          name: context.segment(segment.key),
          value: segment.count,
          ...(SEGMENT_COLORS[segment.key] ? { itemStyle: { color: SEGMENT_COLORS[segment.key] } } : {}),
        })),
      },
    ],
  };
}
