import { describe, expect, it } from 'vitest';
import { queryContext } from './query-context.js';

describe('queryContext', () => {
  it('gives today as the UTC date of now, across day boundaries and back', () => {
    for (const iso of ['2026-11-30T23:59:59.999Z', '2026-12-01T00:00:00.000Z', '2026-11-30T12:00:00.000Z', '1969-12-31T23:00:00.000Z']) {
      expect(queryContext('u', new Date(iso)).today).toBe(iso.slice(0, 10));
    }
  });

  it('defaults teams and subordinates to none, and takes what it is given', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    expect(queryContext('u', now)).toEqual({ userId: 'u', teamUserIds: [], subordinateIds: [], now, today: '2026-11-30' });
    expect(queryContext('u', now, { teamUserIds: ['a'], subordinateIds: ['b'], today: '2000-01-01' }))
      .toEqual({ userId: 'u', teamUserIds: ['a'], subordinateIds: ['b'], now, today: '2000-01-01' });
  });
});
