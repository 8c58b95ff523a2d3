import type { HookEvent, PluginContext } from '@loom/plugin-sdk';
import { PRIORITY_OF_SEVERITY, slaDueAt } from './sla.js';

const slaHours = (ctx: PluginContext) => (ctx.config.slaHours ?? undefined) as Record<string, number> | undefined;

/** New complaint: received, priority from severity, SLA due time from severity. */
export function beforeCreateComplaint(ctx: PluginContext, e: HookEvent): Record<string, unknown> {
  const severity = String(e.record.severity ?? 'medium');
  return {
    status: e.record.status ?? 'received',
    priority: e.record.priority ?? PRIORITY_OF_SEVERITY[severity] ?? 'normal',
    sla_due_at: e.record.sla_due_at ?? slaDueAt(severity, new Date(), slaHours(ctx)),
  };
}

/** Severity raised → due time recomputed; resolved → resolved_at stamped; reopened → cleared. */
export function beforeUpdateComplaint(ctx: PluginContext, e: HookEvent): Record<string, unknown> | undefined {
  const changes = e.changes ?? {};
  const out: Record<string, unknown> = {};
  if (changes.severity && changes.severity !== e.before?.severity && !('sla_due_at' in changes)) {
    out.sla_due_at = slaDueAt(String(changes.severity), new Date(String(e.before?.created_at ?? new Date().toISOString())), slaHours(ctx));
  }
  if (changes.status === 'resolved' && e.before?.status !== 'resolved') out.resolved_at = new Date().toISOString();
  if (changes.status === 'processing' && (e.before?.status === 'resolved' || e.before?.status === 'closed')) out.resolved_at = null;
  return Object.keys(out).length ? out : undefined;
}

/** Feedback recorded → the complaint carries its satisfaction score. */
export async function afterCreateFeedback(ctx: PluginContext, e: HookEvent): Promise<void> {
  if (typeof e.record.complaint !== 'string') return;
  await ctx.system.records.update('complaint', e.record.complaint, { satisfaction: e.record.satisfaction });
}
