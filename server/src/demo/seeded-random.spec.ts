import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const draw = (r: SeededRandom) => [r.next(), r.int(1, 6), r.uuid(), r.pick(['x', 'y', 'z'])];
    expect(draw(a)).toEqual(draw(b));
    expect(new SeededRandom(43).next()).not.toBe(new SeededRandom(42).next());
  });

  it('stays in range and draws version-4 UUIDs', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('draws weighted items in proportion', () => {
    const r = new SeededRandom(1);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (r.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });
});
