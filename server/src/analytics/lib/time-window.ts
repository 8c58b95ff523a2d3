import type { Period } from './analytics-query.js';

/** A half-open interval of instants, ISO 8601 UTC; null = unbounded on that side. */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

const startOfDay = (date: string) => `${date}T00:00:00.000Z`;

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  const d = new Date(startOfDay(date));
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Inclusive dates → instants: from the start of `from` to the start of the day after `to` (UTC).
 * @example dayWindow('2026-01-01', '2026-01-31') // { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }
 */
export function dayWindow(from?: string, to?: string): TimeWindow {
  return { from: from ? startOfDay(from) : null, to: to ? startOfDay(nextDay(to)) : null };
}

/**
 * The calendar month, quarter or year (UTC) containing `today`.
 * @example periodWindow('quarter', '2026-11-15') // { from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }
 */
export function periodWindow(period: Period, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const first = period === 'year' ? 0 : period === 'quarter' ? month - (month % 3) : month;
  const length = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  return { from: new Date(Date.UTC(year, first, 1)).toISOString(), to: new Date(Date.UTC(year, first + length, 1)).toISOString() };
}
