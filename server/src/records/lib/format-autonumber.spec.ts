import { describe, expect, it } from 'vitest';
import { formatAutonumber } from './format-autonumber.js';

describe('formatAutonumber', () => {
  const at = new Date('2026-03-05T10:00:00Z');
  it.each([
    ['CMP-{YYYY}-{0000}', 42, 'CMP-2026-0042'],
    ['{YY}{MM}{DD}-{000}', 7, '260305-007'],
    ['T{0}', 12345, 'T12345'],
  ])('%s with %i → %s', (pattern, n, expected) => {
    expect(formatAutonumber(pattern, n, at)).toBe(expected);
  });
});
