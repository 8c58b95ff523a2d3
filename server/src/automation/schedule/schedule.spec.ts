import { describe, expect, it } from 'vitest';
import type { DateTrigger, ObjectDef } from '@loom/metadata';
import { cronOccurrences } from './cron-occurrences.js';
import { addDays, dateTriggerCondition, dateTriggerCron } from './date-trigger.js';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('cronOccurrences', () => {
  it('lists the minutes in (from, to], in UTC', () => {
    expect(iso(cronOccurrences('*/5 9 * * *', new Date('2026-03-10T08:59:00Z'), new Date('2026-03-10T09:10:00Z'))))
      .toEqual(['2026-03-10T09:00:00.000Z', '2026-03-10T09:05:00.000Z', '2026-03-10T09:10:00.000Z']);
  });
  it('excludes from, so consecutive windows never repeat a minute', () => {
    expect(iso(cronOccurrences('0 9 * * *', new Date('2026-03-10T09:00:00Z'), new Date('2026-03-11T09:00:00Z'))))
      .toEqual(['2026-03-11T09:00:00.000Z']);
  });
  it('is empty for an empty window and caps the count', () => {
    expect(cronOccurrences('* * * * *', new Date('2026-03-10T09:00:00Z'), new Date('2026-03-10T09:00:00Z'))).toEqual([]);
    expect(cronOccurrences('* * * * *', new Date('2026-03-10T00:00:00Z'), new Date('2026-03-11T00:00:00Z'), 3)).toHaveLength(3);
  });
});

describe('date triggers', () => {
  const obj = { name: 'opportunity', fields: { close_date: { type: 'date' }, seen_at: { type: 'datetime' } } } as unknown as ObjectDef;
  const trigger: DateTrigger = { object: 'opportunity', dateField: 'close_date', offsetDays: -3, at: '09:00', where: { stage: { $nin: ['won', 'lost'] } } };

  it('runs daily at `at`', () => {
    expect(dateTriggerCron(trigger)).toBe('0 9 * * *');
    expect(dateTriggerCron({})).toBe('0 0 * * *');
  });
  it('three days before: on 10 March it selects records closing on 13 March', () => {
    expect(dateTriggerCondition(trigger, obj, new Date('2026-03-10T09:00:00Z'))).toEqual({ $and: [{ close_date: '2026-03-13' }, trigger.where] });
  });
  it('after the date, over a datetime field: the whole UTC day', () => {
    expect(dateTriggerCondition({ object: 'opportunity', dateField: 'seen_at', offsetDays: 2 }, obj, new Date('2026-03-01T00:00:00Z')))
      .toEqual({ seen_at: { $gte: '2026-02-27T00:00:00.000Z', $lt: '2026-02-28T00:00:00.000Z' } });
  });
  it('addDays crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
