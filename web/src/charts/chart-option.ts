import type { BarSeriesOption, FunnelSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option shape of the charts Loom registers (see register-charts.ts): nothing else type-checks. */
export type ChartOption = ComposeOption<
  BarSeriesOption | FunnelSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Loom's palette for series (the brand indigo first). */
export const SERIES_COLORS = ['#4f46e5', '#a7a3f2', '#67c23a', '#e6a23c', '#f56c6c', '#409eff', '#909399', '#14b8a6'];
