import { describe, expect, it } from 'vitest';
import { decodeBullJobId, encodeBullJobId } from './bull-job-id.js';

describe('BullMQ job ids', () => {
  it.each([
    ['6f1c3a1e-0000-4000-8000-000000000001:won_follow_up', '6f1c3a1e-0000-4000-8000-000000000001|won_follow_up'],
    ['schedule:birthday_greeting:2026-03-10T09:00:00.000Z', 'schedule|birthday_greeting|2026-03-10T09|00|00.000Z'],
    ['12345', '#12345'],
    ['plain', 'plain'],
  ])('%s ⇄ %s', (id, bull) => {
    expect(encodeBullJobId(id)).toBe(bull);
    expect(decodeBullJobId(bull)).toBe(id);
  });
  it('refuses ids that would not decode back', () => {
    expect(() => encodeBullJobId('a|b')).toThrow();
    expect(() => encodeBullJobId('#1')).toThrow();
  });
});
