import { describe, expect, it } from 'vitest';
import { JSON_FIELD_LIMIT_BYTES, jsonSizeProblems } from './check-json-size.js';
import { validationSet } from './record-validation.fixture.js';

const deal = validationSet().objects.deal!;
// `{"s":"…"}` is 8 bytes around the string.
const sized = (bytes: number) => ({ s: 'x'.repeat(bytes - 8) });

describe('jsonSizeProblems', () => {
  it('accepts json up to 64 KiB and refuses one byte more', () => {
    expect(jsonSizeProblems(deal, { meta: sized(JSON_FIELD_LIMIT_BYTES) })).toEqual([]);
    expect(jsonSizeProblems(deal, { meta: sized(JSON_FIELD_LIMIT_BYTES + 1) }))
      .toEqual([{ path: '/meta', message: 'must be at most 64 KiB of JSON' }]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(jsonSizeProblems(deal, { meta: { s: '汉'.repeat(22_000) } })).toHaveLength(1);
  });

  it('looks only at json fields', () => {
    expect(jsonSizeProblems(deal, { notes: 'x'.repeat(JSON_FIELD_LIMIT_BYTES * 2), meta: null })).toEqual([]);
  });
});
