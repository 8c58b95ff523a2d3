import type { OwnerPerformance, PerformanceAnswer } from '@/api/analytics';
import type { ChartOption } from './chart-option';

const TOP = 10;

export interface PerformanceContext {
  money: (value: number) => string;
  compact: (value: number) => string;
  names: { wonAmount: string };
  /** The owner's display name (the answer's `name`, else something for a bare id). */
  owner: (row: OwnerPerformance) => string;
}

export function performanceHasData(answer: PerformanceAnswer | null | undefined): boolean {
  return !!answer?.owners?.some((owner) => owner.wonAmount || owner.wonCount || owner.lostCount || owner.activities);
}

/** Owners by won amount, best first (ties by name), for the table and the chart. */
export function rankOwners(answer: PerformanceAnswer): OwnerPerformance[] {
  return [...(answer.owners ?? [])].sort((a, b) => b.wonAmount - a.wonAmount || b.wonCount - a.wonCount || a.name.localeCompare(b.name));
}

/** The top owners' won amount as horizontal bars, the best at the top. */
export function buildPerformanceOption(answer: PerformanceAnswer, context: PerformanceContext): ChartOption {
  const top = rankOwners(answer).slice(0, TOP).reverse();
  return {
    color: ['#4f46e5'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, valueFormatter: (value) => context.money(Number(value)) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => context.compact(value) } },
    yAxis: { type: 'category', data: top.map((row) => context.owner(row)), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', name: context.names.wonAmount, barMaxWidth: 22, data: top.map((row) => row.wonAmount) }],
  };
}
