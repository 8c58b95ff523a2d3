import { describe, expect, it } from 'vitest';
import { cronProblem } from './validate-cron.js';

describe('cronProblem', () => {
  it.each(['0 9 * * *', '*/15 * * * *', '0 9-17 * * 1-5', '0 0 1,15 * *', '30 8 * 1-12/3 0', '0 0 * * 7'])('accepts %s', (cron) => {
    expect(cronProblem(cron)).toBeUndefined();
  });
  it.each([
    ['0 9 * *', 'a schedule has 5 fields (minute hour day month weekday), not 4'],
    ['60 * * * *', '"60" is out of range for minute (0-59)'],
    ['0 24 * * *', '"24" is out of range for hour (0-23)'],
    ['0 0 0 * *', '"0" is out of range for day of month (1-31)'],
    ['0 0 * 13 *', '"13" is out of range for month (1-12)'],
    ['0 0 * * 8', '"8" is out of range for day of week (0-7)'],
    ['0 5-1 * * *', '"5-1" is out of range for hour (0-23)'],
    ['*/0 * * * *', '"*/0" is out of range for minute (0-59)'],
    ['0 9 * * MON', '"MON" is not a valid day of week'],
    ['@daily', 'a schedule has 5 fields (minute hour day month weekday), not 1'],
  ])('refuses %s', (cron, message) => {
    expect(cronProblem(cron)).toBe(message);
  });
});
