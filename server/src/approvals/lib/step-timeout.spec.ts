import { describe, expect, it } from 'vitest';
import { timeoutMs } from './step-timeout.js';

describe('timeoutMs', () => {
  it('adds the units up, fractions allowed', () => {
    expect(timeoutMs({ minutes: 0.05, action: 'remind' })).toBe(3000);
    expect(timeoutMs({ minutes: 0.5, action: 'remind' })).toBe(30_000);
    expect(timeoutMs({ days: 1, hours: 2, minutes: 3, action: 'approve' })).toBe((1440 + 120 + 3) * 60_000);
    expect(timeoutMs({ hours: 0.25, action: 'reject' })).toBe(15 * 60_000);
  });

  it('is null without a timeout or with a zero one', () => {
    expect(timeoutMs(undefined)).toBeNull();
    expect(timeoutMs({ action: 'remind' })).toBeNull();
  });
});
