import { CronExpressionParser } from 'cron-parser';

/** Minutes in (from, to] at which a 5-field UTC cron expression fires, at most `max`. */
export function cronOccurrences(cron: string, from: Date, to: Date, max = 1000): Date[] {
  if (to <= from) return [];
  const it = CronExpressionParser.parse(cron, { currentDate: from, endDate: to, tz: 'UTC' });
  const out: Date[] = [];
  while (out.length < max && it.hasNext()) out.push(it.next().toDate());
  return out;
}
