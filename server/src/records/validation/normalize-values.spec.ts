import { describe, expect, it } from 'vitest';
import { normalizeValues } from './normalize-values.js';
import { ID_1, validationSet } from './record-validation.fixture.js';

const deal = validationSet().objects.deal!;

describe('normalizeValues', () => {
  it('trims text and stores text that trims to nothing as null', () => {
    expect(normalizeValues(deal, { name: '  Acme  ', code: '   ', notes: '\n line \n' }))
      .toEqual({ name: 'Acme', code: null, notes: 'line' });
  });

  it('lower-cases and trims email', () => {
    expect(normalizeValues(deal, { email: ' Ann.Lee@Example.COM ' })).toEqual({ email: 'ann.lee@example.com' });
  });

  it('stores phone numbers in E.164, in the default region unless told otherwise', () => {
    expect(normalizeValues(deal, { phone: '138 0013 8000' })).toEqual({ phone: '+8613800138000' });
    expect(normalizeValues(deal, { phone: '(415) 555-2671' }, { defaultPhoneRegion: 'US' })).toEqual({ phone: '+14155552671' });
    expect(normalizeValues(deal, { phone: '12345' })).toEqual({ phone: '12345' });
  });

  it('trims urls', () => {
    expect(normalizeValues(deal, { website: ' https://example.com/a ' })).toEqual({ website: 'https://example.com/a' });
  });

  it('sanitizes rich text', () => {
    expect(normalizeValues(deal, { body: '<p onclick="x()">Hi</p><script>alert(1)</script>' })).toEqual({ body: '<p>Hi</p>' });
    expect(normalizeValues(deal, { body: '<script>alert(1)</script>' })).toEqual({ body: null });
  });

  it('trims tags and drops case-insensitive repeats, keeping the first spelling', () => {
    expect(normalizeValues(deal, { tags: [' VIP ', 'vip', 'Key account', 'key account ', 'new'] }))
      .toEqual({ tags: ['VIP', 'Key account', 'new'] });
  });

  it('drops repeated multiselect keys', () => {
    expect(normalizeValues(deal, { channels: ['web', 'email', 'web'] })).toEqual({ channels: ['web', 'email'] });
  });

  it('keeps dates, datetimes, numbers, ids, json, null and non-field values as given', () => {
    const values = {
      close_date: '2024-02-29', signed_at: '2024-05-01T10:00:00+08:00', amount: 19.99, account: ID_1,
      meta: { a: [' x '] }, code: null, owner: ID_1,
    };
    expect(normalizeValues(deal, values)).toEqual(values);
  });
});
