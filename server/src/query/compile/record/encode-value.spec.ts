import { describe, expect, it } from 'vitest';
import { datetimeJson, encodeValue } from './encode-value.js';

describe('encodeValue', () => {
  it('spells SQL NULL as null in every encoding', () => {
    for (const e of ['string', 'uuid', 'number', 'boolean', 'datetime', 'json'] as const) expect(encodeValue(e, null)).toBe('null');
  });

  it('quotes and escapes strings so they parse back unchanged', () => {
    for (const s of ['plain', 'quote " and \\ back', 'line\nbreak\ttab', '中文 ✓', '\u0001', '</script>']) {
      expect(JSON.parse(encodeValue('string', s))).toBe(s);
    }
  });

  it('keeps numbers as PostgreSQL wrote them, and quotes NaN and infinities as to_json does', () => {
    expect(encodeValue('number', '12.50')).toBe('12.50');
    expect(encodeValue('number', '-3')).toBe('-3');
    expect(encodeValue('number', '1e+20')).toBe('1e+20');
    expect(encodeValue('number', 'NaN')).toBe('"NaN"');
    expect(encodeValue('number', 'Infinity')).toBe('"Infinity"');
    expect(encodeValue('number', '-Infinity')).toBe('"-Infinity"');
  });

  it('turns t/f into booleans, quotes ids, pastes JSON', () => {
    expect([encodeValue('boolean', 't'), encodeValue('boolean', 'f')]).toEqual(['true', 'false']);
    expect(encodeValue('uuid', '0b6c2c1e-0000-4000-8000-000000000001')).toBe('"0b6c2c1e-0000-4000-8000-000000000001"');
    expect(encodeValue('json', '{"a": [1, 2]}')).toBe('{"a": [1, 2]}');
  });
});

describe('datetimeJson', () => {
  it.each([
    ['2026-11-30 17:04:05', '2026-11-30T17:04:05.000Z'],
    ['2026-11-30 17:04:05.1', '2026-11-30T17:04:05.100Z'],
    ['2026-11-30 17:04:05.12', '2026-11-30T17:04:05.120Z'],
    ['2026-11-30 17:04:05.123456', '2026-11-30T17:04:05.123Z'],
    ['2026-11-30 17:04:05.9999', '2026-11-30T17:04:05.999Z'], // truncated like to_char's MS
    ['0044-03-15 00:00:00.9996 BC', '0044-03-15T00:00:00.999Z'], // to_char's YYYY has no era
    ['10000-01-01 00:00:00.1239', '10000-01-01T00:00:00.123Z'],
  ])('%s → %s', (text, iso) => {
    expect(datetimeJson(text)).toBe(JSON.stringify(iso));
  });

  it('has no spelling for infinity or anything not a UTC timestamp: null, as to_char', () => {
    for (const text of ['infinity', '-infinity', '2026-11-30 17:04:05+00', 'garbage']) expect(datetimeJson(text)).toBe('null');
  });
});
