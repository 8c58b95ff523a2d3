/** Hours to resolve by severity (configurable through `slaHours`). */
export const DEFAULT_SLA_HOURS: Record<string, number> = { critical: 4, high: 24, medium: 72, low: 168 };

/** Priority that follows from severity when the intake does not give one. */
export const PRIORITY_OF_SEVERITY: Record<string, string> = { critical: 'urgent', high: 'high', medium: 'normal', low: 'low' };

/** When a complaint of this severity, received at `from`, is due. */
export function slaDueAt(severity: string, from: Date, hours: Record<string, number> = DEFAULT_SLA_HOURS): string {
  const h = hours[severity] ?? DEFAULT_SLA_HOURS[severity] ?? DEFAULT_SLA_HOURS.medium!;
  return new Date(from.getTime() + h * 3_600_000).toISOString();
}

/** Open (not resolved or closed) and past its due time. */
export function isBreached(c: Record<string, unknown>, now: Date): boolean {
  if (!c.sla_due_at) return false;
  const due = Date.parse(String(c.sla_due_at));
  const end = c.resolved_at ? Date.parse(String(c.resolved_at)) : now.getTime();
  return end > due;
}

/** Email trimmed and lower-cased; phone as its last 11 digits (mainland mobile numbers, with or without +86). */
export function normalizeContactKey(kind: 'email' | 'phone', value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : value.replace(/\D/g, '').slice(-11);
}
