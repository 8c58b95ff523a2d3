import { describe, expect, it } from 'vitest';
import { dayWindow, nextDay, periodWindow } from './time-window.js';

describe('time windows', () => {
  it('turns inclusive dates into a half-open window of instants', () => {
    expect(dayWindow('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
    expect(dayWindow(undefined, '2024-02-28')).toEqual({ from: null, to: '2024-02-29T00:00:00.000Z' });
    expect(dayWindow()).toEqual({ from: null, to: null });
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
  });

  it('finds the calendar month, quarter and year around today', () => {
    expect(periodWindow('month', '2026-11-15')).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(periodWindow('month', '2026-12-31')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(periodWindow('quarter', '2026-11-15')).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(periodWindow('quarter', '2026-04-01')).toEqual({ from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(periodWindow('year', '2026-11-15')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });
});
