import { describe, expect, it } from 'vitest';
import { cutPage, type TimelineItem } from './timeline-page.js';

const item = (at: string, kind: TimelineItem['kind'] = 'history', n = 0): TimelineItem => ({ kind, at: `2026-11-30T10:00:0${at}.000Z`, by: null, n });

describe('cutPage', () => {
  it('sorts newest first and returns everything when it fits', () => {
    const { page, tieAt } = cutPage([item('1'), item('3'), item('2', 'activity')], 5);
    expect(page.map((i) => i.at.slice(18, 19))).toEqual(['3', '2', '1']);
    expect(tieAt).toBeNull();
  });

  it('holds back the items of the last instant so they can be completed together', () => {
    const { page, tieAt } = cutPage([item('5'), item('4'), item('3', 'history', 1), item('3', 'activity', 2), item('2')], 3);
    expect(page.map((i) => i.at.slice(18, 19))).toEqual(['5', '4']);
    expect(tieAt).toBe('2026-11-30T10:00:03.000Z');
  });

  it('orders one instant by kind: approval, stage, history, activity', () => {
    const { page } = cutPage([item('1', 'activity'), item('1', 'history'), item('1', 'approval'), item('1', 'stage')], 10);
    expect(page.map((i) => i.kind)).toEqual(['approval', 'stage', 'history', 'activity']);
  });
});
