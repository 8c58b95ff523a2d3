import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalize-phone.js';

describe('normalizePhone', () => {
  it.each([
    ['138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['010-12345678', '+861012345678'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['00 44 20 7946 0958', '+442079460958'],
  ])('reads %s in the default region CN as %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it('reads numbers without a country code in the region it is given', () => {
    expect(normalizePhone('(415) 555.2671', 'US')).toBe('+14155552671');
  });

  it('keeps the trimmed input when it is not a valid number', () => {
    expect(normalizePhone(' 12345 ')).toBe('12345');
    expect(normalizePhone('1380013800')).toBe('1380013800'); // one digit short of a CN mobile
  });
});
