import type { PluginContext } from '@loom/plugin-sdk';

const OPEN = ['received', 'assigned', 'processing'];

/**
 * Job `escalate`: open complaints past their SLA, not yet escalated, get priority urgent and
 * escalated_at, and the service manager — the assignee's manager, else every service_manager — is notified.
 */
export async function escalateOverdue(ctx: PluginContext, now = new Date()): Promise<{ escalated: number; notified: number }> {
  const overdue = await ctx.system.records.list('complaint', {
    filter: { status: { $in: OPEN }, sla_due_at: { $lt: now.toISOString() }, escalated_at: { $exists: false } }, sort: 'sla_due_at', limit: 500,
  });
  let notified = 0;
  const managers = await ctx.users.withRole(String(ctx.config.managerRole ?? 'service_manager'));
  for (const c of overdue) {
    await ctx.system.records.update('complaint', c.id, { escalated_at: now.toISOString(), priority: 'urgent' });
    const assignee = typeof c.assignee === 'string' ? await ctx.users.get(c.assignee) : null;
    const to = assignee?.managerId ? [assignee.managerId] : managers.map((m) => m.id);
    for (const userId of to) {
      await ctx.notify(userId, `Complaint ${String(c.number)} "${String(c.subject)}" is past its SLA (due ${String(c.sla_due_at)}) — 投诉已超时，请跟进`, { object: 'complaint', recordId: c.id });
      notified++;
    }
  }
  return { escalated: overdue.length, notified };
}
