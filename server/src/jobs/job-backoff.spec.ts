import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './job-backoff.js';

describe('backoffDelayMs', () => {
  it('doubles from the base on each retry', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelayMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('is capped', () => {
    expect(backoffDelayMs(40, 1000, 60_000)).toBe(60_000);
  });
  it('treats attempt 0 or less as the first retry', () => {
    expect(backoffDelayMs(0, 500)).toBe(500);
  });
});
