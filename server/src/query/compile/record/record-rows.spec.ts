import { describe, expect, it } from 'vitest';
import { arrayEncoder, outputColumn, recordEncoder } from './record-rows.js';

describe('outputColumn', () => {
  it('selects the cheap kinds as their text and the rest as to_json', () => {
    expect(outputColumn({ sql: '"t0"."name"', kind: 'text' })).toEqual({ sql: '"t0"."name"', encoding: 'string' });
    expect(outputColumn({ sql: '"t0"."stage"', kind: 'stage' })).toEqual({ sql: '"t0"."stage"', encoding: 'string' });
    expect(outputColumn({ sql: '"t0"."owner"', kind: 'user' })).toEqual({ sql: '"t0"."owner"', encoding: 'uuid' });
    expect(outputColumn({ sql: '"t0"."amount"', kind: 'number' })).toEqual({ sql: '"t0"."amount"', encoding: 'number' });
    expect(outputColumn({ sql: '"t0"."big"', kind: 'boolean' })).toEqual({ sql: '"t0"."big"', encoding: 'boolean' });
    expect(outputColumn({ sql: '"t0"."meta"', kind: 'json' })).toEqual({ sql: '"t0"."meta"', encoding: 'json' });
    expect(outputColumn({ sql: '"t0"."closed_at"', kind: 'datetime' }))
      .toEqual({ sql: `(CAST("t0"."closed_at" AS timestamptz) AT TIME ZONE 'UTC')`, encoding: 'datetime' });
    for (const kind of ['date', 'options', 'tags', 'ids'] as const) {
      expect(outputColumn({ sql: 'x', kind })).toEqual({ sql: 'to_json(x)', encoding: 'json' });
    }
  });
});

describe('recordEncoder', () => {
  const enc = recordEncoder([{ key: 'id', encoding: 'uuid' }, { key: 'na"me', encoding: 'string' }, { key: 'n', encoding: 'number' }]);

  it('spells the record from the row\'s first columns, keys escaped and in order', () => {
    expect(enc(['a', 'b "c"', '1.50', 'cursor'])).toBe('{"id":"a","na\\"me":"b \\"c\\"","n":1.50}');
    expect(Object.keys(JSON.parse(enc(['a', null, null])))).toEqual(['id', 'na"me', 'n']);
  });

  it('spells an empty record', () => {
    expect(recordEncoder([])([])).toBe('{}');
  });
});

describe('arrayEncoder', () => {
  it('spells the values from the offset as a JSON array', () => {
    expect(arrayEncoder(['string', 'json', 'uuid'], 2)(['r', 'r', '5.0', '"2024-01-01"', null])).toBe('["5.0","2024-01-01",null]');
  });
});
