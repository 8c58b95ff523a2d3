import { describe, expect, it } from 'vitest';
import { validationSet } from './record-validation.fixture.js';
import { trimTextValues } from './trim-text-values.js';

const deal = validationSet().objects.deal!;

describe('trimTextValues', () => {
  it('trims text, email, phone, url and each tag', () => {
    expect(trimTextValues(deal, {
      name: ' Acme ', email: ' Ann@Example.com ', phone: ' 138 0013 8000 ', website: '\thttps://example.com\n', tags: [' a ', 'b'],
    })).toEqual({ name: 'Acme', email: 'Ann@Example.com', phone: '138 0013 8000', website: 'https://example.com', tags: ['a', 'b'] });
  });

  it('turns a blank optional field into null and leaves a blank required one for the schema', () => {
    expect(trimTextValues(deal, { email: '  ', code: '', name: '   ' })).toEqual({ email: null, code: null, name: '' });
  });

  it('leaves rich text, other types, unknown fields and non-objects alone', () => {
    const body = { body: ' <p>x</p> ', seats: ' 3 ', colour: ' red ', tags: [' a ', 1] };
    expect(trimTextValues(deal, body)).toEqual({ ...body, tags: ['a', 1] });
    expect(trimTextValues(deal, [' x '])).toEqual([' x ']);
    expect(trimTextValues(deal, null)).toBe(null);
  });
});
