import { describe, expect, it } from 'vitest';
import { describeCron, nextRuns, parseCron } from './cron-preview';

const from = new Date('2026-11-30T10:15:30Z');
const iso = (dates: Date[]) => dates.map((date) => date.toISOString().slice(0, 16));

describe('cron preview', () => {
  it('finds the next runs in UTC', () => {
    expect(iso(nextRuns('0 9 * * *', from))).toEqual(['2026-12-01T09:00', '2026-12-02T09:00', '2026-12-03T09:00']);
    expect(iso(nextRuns('*/20 * * * *', from, 4))).toEqual(['2026-11-30T10:20', '2026-11-30T10:40', '2026-11-30T11:00', '2026-11-30T11:20']);
    // 2026-11-30 is a Monday: the next weekday mornings, skipping the weekend.
    expect(iso(nextRuns('30 8 * * 1-5', new Date('2026-12-04T09:00:00Z'), 2))).toEqual(['2026-12-07T08:30', '2026-12-08T08:30']);
    expect(iso(nextRuns('0 0 1 1 *', from, 1))).toEqual(['2027-01-01T00:00']);
  });

  it('matches day of month or day of week when both are given, and 7 as Sunday', () => {
    expect(iso(nextRuns('0 12 15 * 0', from, 2))).toEqual(['2026-12-06T12:00', '2026-12-13T12:00']);
    expect(parseCron('0 0 * * 7')!.weekday.has(0)).toBe(true);
  });

  it('gives nothing for an invalid expression', () => {
    expect(nextRuns('61 * * * *', from)).toEqual([]);
    expect(parseCron('* * *')).toBeNull();
    expect(describeCron('nonsense')).toBeNull();
  });

  it('puts the common schedules into words', () => {
    expect(describeCron('* * * * *')).toEqual({ key: 'everyMinute' });
    expect(describeCron('*/15 * * * *')).toEqual({ key: 'everyNMinutes', n: 15 });
    expect(describeCron('5 * * * *')).toEqual({ key: 'hourly', minute: 5 });
    expect(describeCron('0 9 * * *')).toEqual({ key: 'daily', time: '09:00' });
    expect(describeCron('30 8 * * 1-5')).toEqual({ key: 'weekly', time: '08:30', weekdays: [1, 2, 3, 4, 5] });
    expect(describeCron('0 6 1 * *')).toEqual({ key: 'monthly', time: '06:00', day: 1 });
    expect(describeCron('0 0 25 12 *')).toEqual({ key: 'yearly', time: '00:00', day: 25, month: 12 });
    expect(describeCron('0 9-17 * * *')).toBeNull();
  });
});
