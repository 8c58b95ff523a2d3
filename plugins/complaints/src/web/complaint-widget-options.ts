/** ECharts options of the complaints widget, built from `GET /api/plugins/complaints/summary` (pure: specs beside). */

export interface ComplaintSummary {
  total: number;
  open: number;
  byType: Record<string, number>;
  bySeverity: Record<string, number>;
  slaBreaches: number;
  averageResolutionHours: number | null;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];
const SEVERITY_COLORS: Record<string, string> = { critical: '#dc2626', high: '#f97316', medium: '#eab308', low: '#22c55e' };

/** Counts by type as horizontal bars, the largest on top; `label` names each type key. */
export function byTypeOption(summary: ComplaintSummary, label: (key: string) => string, seriesName: string): Record<string, unknown> {
  const rows = Object.entries(summary.byType).sort((a, b) => a[1] - b[1] || b[0].localeCompare(a[0]));
  return {
    color: ['#4f46e5'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(([key]) => label(key)) },
    series: [{ type: 'bar', name: seriesName, barMaxWidth: 20, data: rows.map(([, n]) => n) }],
  };
}

/** Counts by severity as a ring, most severe first, in traffic-light colours. */
export function bySeverityOption(summary: ComplaintSummary, label: (key: string) => string, seriesName: string): Record<string, unknown> {
  const keys = Object.keys(summary.bySeverity).sort((a, b) => rank(a) - rank(b));
  return {
    tooltip: { trigger: 'item', confine: true },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', name: seriesName, radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}' },
      data: keys.map((key) => ({ name: label(key), value: summary.bySeverity[key], itemStyle: { color: SEVERITY_COLORS[key] ?? '#94a3b8' } })),
    }],
  };
}

function rank(severity: string): number {
  const i = SEVERITY_ORDER.indexOf(severity);
  return i < 0 ? SEVERITY_ORDER.length : i;
}

/** Hours as the widget shows them: under an hour in minutes, under two days in hours, else in days; null → an em dash. */
export function formatResolution(hours: number | null, locale: string, units: { minutes: string; hours: string; days: string }): string {
  if (hours === null) return '—';
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} ${units.minutes}`;
  return hours < 48 ? `${fmt.format(hours)} ${units.hours}` : `${fmt.format(hours / 24)} ${units.days}`;
}
