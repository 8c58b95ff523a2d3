import { describe, expect, it } from 'vitest';
import { summarize } from './complaint-summary.js';

describe('summarize', () => {
  it('counts by type and severity, breaches, and averages resolution hours', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const s = summarize([
      { id: '1', type: 'quality', severity: 'high', status: 'resolved', created_at: '2026-11-30T00:00:00Z', resolved_at: '2026-11-30T04:00:00Z', sla_due_at: '2026-11-30T02:00:00Z' },
      { id: '2', type: 'quality', severity: 'low', status: 'processing', created_at: '2026-11-30T00:00:00Z', sla_due_at: '2026-12-30T00:00:00Z' },
      { id: '3', type: 'billing', severity: 'high', status: 'closed', created_at: '2026-11-29T00:00:00Z', resolved_at: '2026-11-29T02:00:00Z', sla_due_at: '2026-11-29T12:00:00Z' },
    ], now);
    expect(s).toEqual({ total: 3, open: 1, byType: { quality: 2, billing: 1 }, bySeverity: { high: 2, low: 1 }, slaBreaches: 1, averageResolutionHours: 3 });
  });
});
