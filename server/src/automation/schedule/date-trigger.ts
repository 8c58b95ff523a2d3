import type { ConditionJson, DateTrigger, ObjectDef } from '@loom/metadata';

/** A date trigger runs once a day at `at` (UTC, default 00:00), as a cron. */
export function dateTriggerCron(trigger: Pick<DateTrigger, 'at'>): string {
  const [h, m] = (trigger.at ?? '00:00').split(':').map(Number);
  return `${m} ${h} * * *`;
}

/**
 * The records a date trigger fires for on the occurrence's day D: those whose date field is
 * D − offsetDays (offsetDays −3 fires three days before the date), AND the trigger's `where`.
 */
export function dateTriggerCondition(trigger: DateTrigger, obj: ObjectDef, occurrence: Date): ConditionJson {
  const day = addDays(occurrence.toISOString().slice(0, 10), -trigger.offsetDays);
  const isDateTime = obj.fields[trigger.dateField]?.type === 'datetime' || trigger.dateField === 'created_at' || trigger.dateField === 'updated_at';
  const onDay: ConditionJson = isDateTime
    ? { [trigger.dateField]: { $gte: `${day}T00:00:00.000Z`, $lt: `${addDays(day, 1)}T00:00:00.000Z` } }
    : { [trigger.dateField]: day };
  return trigger.where ? { $and: [onDay, trigger.where] } : onDay;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
