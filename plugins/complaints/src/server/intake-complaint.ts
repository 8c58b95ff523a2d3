import { PluginProblem, respond, type PluginContext, type PluginRecord, type PluginRequest } from '@loom/plugin-sdk';
import { normalizeContactKey } from './sla.js';

interface Intake { name?: unknown; email?: unknown; phone?: unknown; subject?: unknown; description?: unknown; channel?: unknown; type?: unknown; severity?: unknown; order?: unknown }

/** The customer by email, then by phone (last 11 digits, phone or mobile); created when none matches. */
async function findOrCreateCustomer(ctx: PluginContext, b: Intake): Promise<{ customer: PluginRecord; deduped: boolean }> {
  if (typeof b.email === 'string' && b.email.trim()) {
    const email = normalizeContactKey('email', b.email);
    const [hit] = await ctx.records.list('contact', { filter: { email }, limit: 1 });
    if (hit) return { customer: hit, deduped: true };
  }
  if (typeof b.phone === 'string' && b.phone.trim()) {
    const digits = normalizeContactKey('phone', b.phone);
    const [hit] = await ctx.records.list('contact', { filter: { $or: [{ phone: { $contains: digits } }, { mobile: { $contains: digits } }] }, limit: 1 });
    if (hit) return { customer: hit, deduped: true };
  }
  const customer = await ctx.records.create('contact', {
    name: typeof b.name === 'string' && b.name.trim() ? b.name : 'Unknown customer',
    ...(typeof b.email === 'string' ? { email: normalizeContactKey('email', b.email) } : {}),
    ...(typeof b.phone === 'string' ? { mobile: b.phone } : {}),
    source: 'website',
  });
  return { customer, deduped: false };
}

/**
 * POST /intake (API key): a complaint from a public form or a partner system. The customer is
 * matched by email or phone, else created; the complaint is received with its SLA due time.
 */
export async function intakeComplaint(ctx: PluginContext, req: PluginRequest) {
  const b = (req.body ?? {}) as Intake;
  const errors = [
    (typeof b.subject !== 'string' || !b.subject.trim()) && { path: '/subject', message: 'is required' },
    typeof b.email !== 'string' && typeof b.phone !== 'string' && { path: '/email', message: 'an email or a phone is required' },
  ].filter(Boolean) as { path: string; message: string }[];
  if (errors.length) throw new PluginProblem({ status: 422, detail: 'The complaint is incomplete', errors });
  const { customer, deduped } = await findOrCreateCustomer(ctx, b);
  const complaint = await ctx.records.create('complaint', {
    subject: b.subject, description: b.description, customer: customer.id, channel: b.channel ?? 'web',
    ...(b.type ? { type: b.type } : {}), ...(b.severity ? { severity: b.severity } : {}), ...(typeof b.order === 'string' ? { sales_order: b.order } : {}),
  });
  return respond(201, { id: complaint.id, number: complaint.number, customer: customer.id, deduped, status: complaint.status, sla_due_at: complaint.sla_due_at });
}
