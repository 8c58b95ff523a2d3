import type { ForecastAnswer } from '@/api/analytics';
import type { ChartOption } from './chart-option';

export interface ForecastContext {
  period: (period: string) => string;
  money: (value: number) => string;
  compact: (value: number) => string;
  names: { open: string; weighted: string; won: string };
}

export function forecastHasData(answer: ForecastAnswer | null | undefined): boolean {
  return !!answer?.periods?.some((period) => period.open || period.weighted || period.won);
}

/** The forecast by close period: open, weighted (amount × stage probability) and won, side by side. */
export function buildForecastOption(answer: ForecastAnswer, context: ForecastContext): ChartOption {
  const periods = [...answer.periods].sort((a, b) => a.period.localeCompare(b.period));
  const series = (['open', 'weighted', 'won'] as const).map((key) => ({
    type: 'bar' as const,
    name: context.names[key],
    barMaxWidth: 28,
    emphasis: { focus: 'series' as const },
    data: periods.map((period) => period[key]),
  }));
  return {
    color: ['#a7a3f2', '#4f46e5', '#67c23a'],
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (value) => context.money(Number(value)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map((period) => context.period(period.period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => context.compact(value) } },
    series,
  };
}
