import type { FunnelAnswer } from '@/api/analytics';
import type { ChartOption } from './chart-option';

export interface FunnelContext {
  /** The stage's label in the UI language (the answer's label is the server's). */
  stageLabel: (key: string, fallback: string) => string;
  /** Stages left out of the funnel: lost outcomes are not a step towards a deal. */
  exclude: ReadonlySet<string>;
  colorOf?: (key: string) => string | undefined;
  rate: (fraction: number) => string;
  count: (value: number) => string;
  text: { entered: string; converted: string; conversion: string; medianDays: string; days: (n: number) => string };
}

/** A funnel stage whose records reached a stage further on. */
export function funnelHasData(answer: FunnelAnswer | null | undefined): boolean {
  return !!answer?.stages?.some((stage) => stage.entered > 0);
}

/**
 * The sales funnel: one band per stage in pipeline order (never re-sorted by size), its width the
 * records that entered it, labelled with that count and the rate converted on to a later stage.
 */
export function buildFunnelOption(answer: FunnelAnswer, context: FunnelContext): ChartOption {
  const stages = answer.stages.filter((stage) => !context.exclude.has(stage.key));
  const max = Math.max(1, ...stages.map((stage) => stage.entered));
  const last = stages.length - 1;
  const data = stages.map((stage, index) => {
    const name = context.stageLabel(stage.key, stage.label);
    const rate = index < last ? ` · ${context.rate(stage.conversionRate)} →` : '';
    const color = context.colorOf?.(stage.key);
    return {
      name,
      value: stage.entered,
      ...(color ? { itemStyle: { color } } : {}),
      label: { formatter: `${name}  ${context.count(stage.entered)}${rate}` },
      tooltip: {
        formatter: [
          `<b>${escapeHtml(name)}</b>`,
          `${context.text.entered}: ${context.count(stage.entered)}`,
          `${context.text.converted}: ${context.count(stage.converted)}`,
          `${context.text.conversion}: ${context.rate(stage.conversionRate)}`,
          `${context.text.medianDays}: ${stage.medianDaysInStage === null ? '—' : context.text.days(stage.medianDaysInStage)}`,
        ].join('<br/>'),
      },
    };
  });
  return {
    tooltip: { trigger: 'item', confine: true },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '4%',
        width: '52%',
        top: 12,
        bottom: 12,
        min: 0,
        max,
        minSize: '12%',
        gap: 3,
        label: { show: true, position: 'right', color: '#303133', fontSize: 12 },
        labelLine: { show: true, length: 12 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data,
      },
    ],
  };
}

/** Text from the server in a tooltip (rendered as HTML by ECharts). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
