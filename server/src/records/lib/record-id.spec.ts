import { describe, expect, it } from 'vitest';
import { newRecordId } from './record-id.js';

describe('newRecordId', () => {
  it('makes distinct version-7 UUIDs whose time prefixes sort in the order they were made', () => {
    const ids = Array.from({ length: 1000 }, () => newRecordId()); // several pool refills
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const prefixes = ids.map((id) => id.slice(0, 13));
    expect([...prefixes].sort()).toEqual(prefixes);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the time it was made (48-bit Unix milliseconds)', () => {
    const before = Date.now();
    const id = newRecordId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
