/** The ranges of the five cron fields: minute, hour, day of month, month, day of week (0 or 7 = Sunday). */
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const PART = /^(\*|(\d+)(-(\d+))?)(\/(\d+))?$/;

/** Checks a 5-field cron expression (numbers, `*`, ranges, lists, steps); returns a message when invalid. */
export function cronProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return `a schedule has 5 fields (minute hour day month weekday), not ${parts.length}`;
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i]!;
    for (const item of parts[i]!.split(',')) {
      const m = PART.exec(item);
      if (!m) return `"${item}" is not a valid ${field.name}`;
      const from = m[2] === undefined ? field.min : Number(m[2]);
      const to = m[4] === undefined ? from : Number(m[4]);
      const step = m[6] === undefined ? 1 : Number(m[6]);
      if (from < field.min || to > field.max || from > to || (m[2] !== undefined && from > field.max) || step < 1) {
        return `"${item}" is out of range for ${field.name} (${field.min}-${field.max})`;
      }
    }
  }
  return undefined;
}
