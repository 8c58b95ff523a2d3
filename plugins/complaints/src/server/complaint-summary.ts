import type { PluginContext, PluginRecord } from '@loom/plugin-sdk';
import { isBreached } from './sla.js';

/** Counts by type and severity, SLA breaches, open count and average resolution time — for a dashboard widget. */
export function summarize(complaints: PluginRecord[], now: Date) {
  const byType: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  let breaches = 0, open = 0, resolvedCount = 0, resolvedHours = 0;
  for (const c of complaints) {
    byType[String(c.type ?? 'other')] = (byType[String(c.type ?? 'other')] ?? 0) + 1;
    bySeverity[String(c.severity ?? 'medium')] = (bySeverity[String(c.severity ?? 'medium')] ?? 0) + 1;
    if (isBreached(c, now)) breaches++;
    if (c.resolved_at && c.created_at) {
      resolvedCount++;
      resolvedHours += (Date.parse(String(c.resolved_at)) - Date.parse(String(c.created_at))) / 3_600_000;
    } else if (c.status !== 'closed') open++;
  }
  return { total: complaints.length, open, byType, bySeverity, slaBreaches: breaches, averageResolutionHours: resolvedCount ? Math.round((resolvedHours / resolvedCount) * 100) / 100 : null };
}

/** GET /summary: over the complaints the caller may read. */
export async function complaintSummary(ctx: PluginContext) {
  const rows = await ctx.records.list('complaint', { limit: 500, sort: '-created_at' });
  return summarize(rows, new Date());
}
