import { describe, expect, it } from 'vitest';
import { byTypeOption, bySeverityOption, formatResolution, type ComplaintSummary } from './complaint-widget-options.js';

const summary: ComplaintSummary = { total: 6, open: 3, byType: { billing: 1, quality: 3, delivery: 2 }, bySeverity: { low: 1, critical: 2, medium: 3 }, slaBreaches: 1, averageResolutionHours: 5 };
const upper = (k: string) => k.toUpperCase();

describe('complaints widget options', () => {
  it('bars by type, largest last (on top), labelled', () => {
    const option = byTypeOption(summary, upper, 'Complaints') as { yAxis: { data: string[] }; series: { data: number[]; name: string }[] };
    expect(option.yAxis.data).toEqual(['BILLING', 'DELIVERY', 'QUALITY']);
    expect(option.series[0]).toMatchObject({ name: 'Complaints', data: [1, 2, 3] });
  });

  it('a ring by severity, most severe first, coloured by severity', () => {
    const option = bySeverityOption(summary, upper, 'Severity') as { series: { data: { name: string; value: number; itemStyle: { color: string } }[] }[] };
    expect(option.series[0]!.data.map((d) => [d.name, d.value])).toEqual([['CRITICAL', 2], ['MEDIUM', 3], ['LOW', 1]]);
    expect(option.series[0]!.data[0]!.itemStyle.color).toBe('#dc2626');
  });

  it('formats resolution time in minutes under an hour, hours, or days past two days', () => {
    const units = { minutes: 'min', hours: 'h', days: 'd' };
    expect(formatResolution(0.004, 'en', units)).toBe('1 min');
    expect(formatResolution(0.5, 'en', units)).toBe('30 min');
    expect(formatResolution(5.25, 'en', units)).toBe('5.3 h');
    expect(formatResolution(72, 'en', units)).toBe('3 d');
    expect(formatResolution(null, 'en', units)).toBe('—');
  });
});
