import { describe, expect, it } from 'vitest';
import { isBreached, normalizeContactKey, slaDueAt } from './sla.js';

describe('SLA', () => {
  const t0 = new Date('2026-11-30T08:00:00Z');

  it('is due by severity', () => {
    expect(slaDueAt('critical', t0)).toBe('2026-11-30T12:00:00.000Z');
    expect(slaDueAt('low', t0)).toBe('2026-12-07T08:00:00.000Z');
    expect(slaDueAt('high', t0, { high: 2 })).toBe('2026-11-30T10:00:00.000Z');
  });

  it('is breached when open past due, or resolved after due', () => {
    expect(isBreached({ sla_due_at: '2026-11-30T09:00:00Z' }, t0)).toBe(false);
    expect(isBreached({ sla_due_at: '2026-11-30T07:00:00Z' }, t0)).toBe(true);
    expect(isBreached({ sla_due_at: '2026-11-30T07:00:00Z', resolved_at: '2026-11-30T06:00:00Z' }, t0)).toBe(false);
  });
});

describe('normalizeContactKey', () => {
  it('matches emails by case and phones by their last 11 digits', () => {
    expect(normalizeContactKey('email', ' Li.Lei@Example.COM ')).toBe('li.lei@example.com');
    expect(normalizeContactKey('phone', '+86 138-0013-8000')).toBe('13800138000');
  });
});
