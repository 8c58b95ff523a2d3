import type { BehaviourAnswer } from '@/api/analytics';
import type { ChartOption } from './chart-option';

/** Segments from most to least engaged (server/src/analytics/README.md "Behaviour segments"); unknown ones follow. */
export const BEHAVIOUR_SEGMENTS = ['highly_engaged', 'engaged', 'occasional', 'dormant'] as const;

const SEGMENT_COLORS: Record<string, string> = {
  highly_engaged: '#4f46e5',
  engaged: '#67c23a',
  occasional: '#e6a23c',
  dormant: '#a8abb2',
};

export interface BehaviourContext {
  segment: (key: string) => string;
  count: (value: number) => string;
  name: string;
}

/** Data when any readable customer is counted (all of them dormant is still an answer). */
export function behaviourHasData(answer: BehaviourAnswer | null | undefined): boolean {
  return !!answer && Object.values(answer.segments ?? {}).some((count) => count > 0);
}

/** Every segment in a fixed order (most engaged first), zero counts kept so the bars line up. */
export function behaviourSegments(answer: BehaviourAnswer): Array<{ key: string; count: number }> {
  const keys = Object.keys(answer.segments ?? {});
  const known = BEHAVIOUR_SEGMENTS as readonly string[];
  const order = [...BEHAVIOUR_SEGMENTS, ...keys.filter((key) => !known.includes(key)).sort()];
  return order.map((key) => ({ key, count: answer.segments?.[key] ?? 0 }));
}

/** The window of the last `days` days up to `now` (UTC dates, inclusive); all time for null. */
export function behaviourWindow(days: number | null, now: Date = new Date()): { from?: string; to?: string } {
  if (days === null) return {};
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return { from: day(new Date(now.getTime() - (days - 1) * 86_400_000)), to: day(now) };
}

/** Customers per engagement segment as vertical bars in the segments' colours. */
export function buildBehaviourOption(answer: BehaviourAnswer, context: BehaviourContext): ChartOption {
  const segments = behaviourSegments(answer);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: (value) => context.count(Number(value)) },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: segments.map((segment) => context.segment(segment.key)), axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: context.name,
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: (params: { value: unknown }) => context.count(Number(params.value)) },
        data: segments.map((segment) => ({ value: segment.count, ...(SEGMENT_COLORS[segment.key] ? { itemStyle: { color: SEGMENT_COLORS[segment.key] } } : {}) })),
      },
    ],
  };
}
