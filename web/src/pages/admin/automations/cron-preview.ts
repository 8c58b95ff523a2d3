import { cronProblem } from '@loom/metadata';

/** The values each of the five fields allows (minute, hour, day of month, month, day of week with 7 → 0). */
interface CronSets {
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  weekday: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const BOUNDS: Array<readonly [number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function expand(part: string, [min, max]: readonly [number, number]): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText ? Number(stepText) : 1;
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a, b] = range!.split('-');
      from = Number(a);
      to = b === undefined ? (stepText ? max : from) : Number(b);
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** The sets of a valid 5-field cron expression, or null when it is not valid. */
export function parseCron(expression: string): CronSets | null {
  if (cronProblem(expression)) return null;
  const parts = expression.trim().split(/\s+/);
  const sets = parts.map((part, index) => expand(part, BOUNDS[index]!));
  const weekday = new Set([...sets[4]!].map((day) => day % 7));
  return {
    minute: sets[0]!,
    hour: sets[1]!,
    day: sets[2]!,
    month: sets[3]!,
    weekday,
    dayRestricted: parts[2] !== '*',
    weekdayRestricted: parts[4] !== '*',
  };
}

function dayMatches(sets: CronSets, at: Date): boolean {
  const day = sets.day.has(at.getUTCDate());
  const weekday = sets.weekday.has(at.getUTCDay());
  // Standard cron: with both restricted, either one matching is enough.
  if (sets.dayRestricted && sets.weekdayRestricted) return day || weekday;
  if (sets.dayRestricted) return day;
  if (sets.weekdayRestricted) return weekday;
  return true;
}

/** The next `count` times (UTC) the schedule fires after `from`; empty for an invalid expression. */
export function nextRuns(expression: string, from: Date, count = 3): Date[] {
  const sets = parseCron(expression);
  if (!sets) return [];
  const runs: Date[] = [];
  const at = new Date(from.getTime());
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  const limit = from.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (runs.length < count && at.getTime() < limit) {
    if (!sets.month.has(at.getUTCMonth() + 1)) {
      at.setUTCMonth(at.getUTCMonth() + 1, 1);
      at.setUTCHours(0, 0);
    } else if (!dayMatches(sets, at)) {
      at.setUTCDate(at.getUTCDate() + 1);
      at.setUTCHours(0, 0);
    } else if (!sets.hour.has(at.getUTCHours())) {
      at.setUTCHours(at.getUTCHours() + 1, 0);
    } else if (!sets.minute.has(at.getUTCMinutes())) {
      at.setUTCMinutes(at.getUTCMinutes() + 1);
    } else {
      runs.push(new Date(at.getTime()));
      at.setUTCMinutes(at.getUTCMinutes() + 1);
    }
  }
  return runs;
}

/** A schedule in words, as an i18n key and its parameters; null when only the next runs can say it. */
export type CronWords =
  | { key: 'everyMinute' }
  | { key: 'everyNMinutes'; n: number }
  | { key: 'hourly'; minute: number }
  | { key: 'daily'; time: string }
  | { key: 'weekly'; time: string; weekdays: number[] }
  | { key: 'monthly'; time: string; day: number }
  | { key: 'yearly'; time: string; day: number; month: number };

const NUMBER = /^\d+$/;
const pad = (value: number) => String(value).padStart(2, '0');

export function describeCron(expression: string): CronWords | null {
  if (cronProblem(expression)) return null;
  const [minute, hour, day, month, weekday] = expression.trim().split(/\s+/) as [string, string, string, string, string];
  const rest = `${day} ${month} ${weekday}`;
  if (hour === '*' && rest === '* * *') {
    if (minute === '*') return { key: 'everyMinute' };
    const step = /^\*\/(\d+)$/.exec(minute);
    if (step) return { key: 'everyNMinutes', n: Number(step[1]) };
    if (NUMBER.test(minute)) return { key: 'hourly', minute: Number(minute) };
    return null;
  }
  if (!NUMBER.test(minute) || !NUMBER.test(hour)) return null;
  const time = `${pad(Number(hour))}:${pad(Number(minute))}`;
  if (rest === '* * *') return { key: 'daily', time };
  if (day === '*' && month === '*') return { key: 'weekly', time, weekdays: [...(parseCron(expression)?.weekday ?? [])].sort() };
  if (NUMBER.test(day) && month === '*' && weekday === '*') return { key: 'monthly', time, day: Number(day) };
  if (NUMBER.test(day) && NUMBER.test(month) && weekday === '*') return { key: 'yearly', time, day: Number(day), month: Number(month) };
  return null;
}
