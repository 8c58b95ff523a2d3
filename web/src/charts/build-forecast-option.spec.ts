import { describe, expect, it } from 'vitest';
import { buildForecastOption, forecastHasData } from './build-forecast-option';

const context = {
  period: (period: string) => `P${period}`,
  money: (value: number) => `$${value}`,
  compact: (value: number) => `${value / 1000}K`,
  names: { open: 'Open', weighted: 'Weighted', won: 'Won' },
};

describe('buildForecastOption', () => {
  const option = buildForecastOption(
    {
      periods: [
        { period: '2027-01', open: 300, weighted: 120, won: 0 },
        { period: '2026-12', open: 450, weighted: 170, won: 75 },
      ],
    },
    context,
  );

  it('puts the periods in order on the category axis, in the locale’s words', () => {
    expect(option.xAxis).toEqual({ type: 'category', data: ['P2026-12', 'P2027-01'] });
  });

  it('has open, weighted and won bars side by side per period', () => {
    const series = option.series as Array<{ type: string; name: string; data: number[] }>;
    expect(series.map((item) => [item.type, item.name, item.data])).toEqual([
      ['bar', 'Open', [450, 300]],
      ['bar', 'Weighted', [170, 120]],
      ['bar', 'Won', [75, 0]],
    ]);
  });

  it('formats the axis short and the tooltip in full', () => {
    const axis = option.yAxis as { axisLabel: { formatter: (value: number) => string } };
    expect(axis.axisLabel.formatter(200000)).toBe('200K');
    const tooltip = option.tooltip as { valueFormatter: (value: unknown) => string };
    expect(tooltip.valueFormatter(1200)).toBe('$1200');
  });

  it('has data when a period holds an amount', () => {
    expect(forecastHasData({ periods: [] })).toBe(false);
    expect(forecastHasData({ periods: [{ period: '2026-12', open: 0, weighted: 0, won: 0 }] })).toBe(false);
    expect(forecastHasData({ periods: [{ period: '2026-12', open: 0, weighted: 0, won: 5 }] })).toBe(true);
  });
});
