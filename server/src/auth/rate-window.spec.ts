import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window.js';

describe('RateWindow', () => {
  it('allows up to the limit in a window, then says how long to wait', () => {
    const w = new RateWindow(3, 10_000);
    expect([w.take('k', 0), w.take('k', 1), w.take('k', 2)]).toEqual([0, 0, 0]);
    expect(w.take('k', 3)).toBe(10);
    expect(w.take('other', 3)).toBe(0);
    expect(w.take('k', 10_001)).toBe(0);
  });
});
