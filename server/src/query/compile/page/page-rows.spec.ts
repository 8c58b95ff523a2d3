import { describe, expect, it } from 'vitest';
import { recordEncoder, arrayEncoder } from '../record/record-rows.js';
import { readPageRows } from './page-rows.js';

const compiled = {
  limit: 2, sortSignature: 'amount:desc',
  record: recordEncoder([{ key: 'id', encoding: 'uuid' }, { key: 'amount', encoding: 'number' }]),
  cursor: arrayEncoder(['string', 'uuid'], 2),
};
const row = (n: number) => [`r${n}`, String(n), String(n), `r${n}`];

describe('readPageRows', () => {
  it('spells the records into one JSON array and has no cursor when no row is beyond the limit', () => {
    const page = readPageRows([row(1), row(2)], compiled);
    expect(JSON.parse(page.data)).toEqual([{ id: 'r1', amount: 1 }, { id: 'r2', amount: 2 }]);
    expect(page.nextCursor).toBeNull();
  });

  it('drops the extra row and takes the cursor from the last row of the page', () => {
    const page = readPageRows([row(1), row(2), row(3)], compiled);
    expect(JSON.parse(page.data).map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
    expect(JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString())).toEqual({ s: 'amount:desc', v: ['2', 'r2'] });
  });

  it('answers an empty array for no rows', () => {
    expect(readPageRows([], compiled)).toEqual({ data: '[]', nextCursor: null });
  });
});
