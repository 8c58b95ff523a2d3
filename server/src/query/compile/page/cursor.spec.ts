import { describe, expect, it } from 'vitest';
import { QueryError } from '../../query-error.js';
import type { SortKey } from './compile-sort.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const key = (kind: string, nullable = true): SortKey => ({ path: kind, dir: 'asc', expr: { sql: 'x', kind: kind as SortKey['expr']['kind'] }, nullable });
const ID = 'd0000000-0000-4000-8000-000000000001';
const decode = (value: unknown, k: SortKey) => decodeCursor(encodeCursor('s', [value, ID]), 's', [k, key('id', false)]);

describe('cursor', () => {
  it('round-trips the sort values as opaque base64url', () => {
    const cursor = encodeCursor('-amount,id', ['12.50', ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-amount,id', [key('number'), key('id', false)])).toEqual(['12.50', ID]);
  });

  it.each([
    ['number', '-0.5e3'], ['number', 'NaN'], ['number', null], ['text', 'it\'s "fine"'], ['boolean', false],
    ['date', '2024-02-29'], ['date', '0001-02-29 BC'], ['datetime', '2024-05-01T10:00:00.123456+05:30'], ['datetime', '2024-05-01 10:00:00+00'],
    ['id', ID], ['user', ID],
  ])('accepts a %s %j', (kind, value) => {
    expect(decode(value, key(kind))[0]).toEqual(value);
  });

  it.each([
    ['number', 12.5], ['number', '1; DROP TABLE x'], ['text', 5], ['boolean', 'true'], ['date', '2023-02-29'], ['date', '2024-13-01'],
    ['datetime', '2024-05-01T25:00:00Z'], ['datetime', 'yesterday'], ['id', 'not-a-uuid'], ['id', null],
  ])('refuses a %s %j', (kind, value) => {
    expect(() => decode(value, key(kind, kind !== 'id'))).toThrow(QueryError);
  });

  it.each(['', '!!', 'x'.repeat(9000), Buffer.from('not json').toString('base64url'), Buffer.from('{"s":"s"}').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'), encodeCursor('s', [ID])])('refuses the malformed cursor %j with a 400', (cursor) => {
    try {
      decodeCursor(cursor, 's', [key('text'), key('id', false)]);
      expect.unreachable();
    } catch (e) {
      expect((e as QueryError).status).toBe(400);
      expect((e as QueryError).errors[0]!.path).toBe('/cursor');
    }
  });
});
