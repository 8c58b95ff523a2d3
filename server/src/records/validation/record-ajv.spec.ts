import { describe, expect, it } from 'vitest';
import { createRecordAjv } from './record-ajv.js';

describe('createRecordAjv: x-decimals', () => {
  const twoDecimals = createRecordAjv().compile({ type: 'number', 'x-decimals': 2 });

  it('accepts every two-decimal amount, large ones included (where multipleOf 0.01 misjudges some)', () => {
    // A deterministic spread of cents up to ±10^15: 0.07, 1234567890123.45, …
    let cents = 7;
    for (let i = 0; i < 5000; i++) {
      cents = (cents * 7919 + 104_729) % 100_000_000_000_000_000;
      for (const amount of [cents / 100, -cents / 100]) expect(twoDecimals(amount), String(amount)).toBe(true);
    }
  });

  it('refuses a third decimal', () => {
    for (const amount of [1.005, 0.001, 19.999, -3.141]) expect(twoDecimals(amount), String(amount)).toBe(false);
  });
});
